package app.shutter.graph;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Accounts suggested to follow (prefix {@code shutter.suggestions}). */
@ConfigMapping(prefix = "shutter.suggestions")
public interface SuggestionsConfig {

    /** How often the list of popular accounts is recomputed (one instance does it per period). */
    @WithDefault("1h")
    Duration refreshEvery();

    /** Whether this instance runs the job (tests refresh the list themselves). */
    @WithDefault("true")
    boolean scheduled();

    /** Popular public accounts kept in the list. */
    @WithDefault("100")
    int popularSize();
}
