package app.shutter.feed;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The discovery ranking (prefix {@code shutter.explore}). */
@ConfigMapping(prefix = "shutter.explore")
public interface ExploreConfig {

    /** How often the ranking is recomputed. */
    @WithDefault("5m")
    Duration refreshEvery();

    /** Whether this instance runs the job (tests refresh the ranking themselves). */
    @WithDefault("true")
    boolean scheduled();

    /** Likes and comments count toward the score when they are at most this old. */
    @WithDefault("48h")
    Duration engagementWindow();

    /** Only posts at most this old are ranked. */
    @WithDefault("7d")
    Duration maxPostAge();

    /** Posts kept per ranking; /explore pages through at most this many. */
    @WithDefault("1000")
    int size();

    /** How long an older ranking is kept so that clients paging through it can finish. */
    @WithDefault("1h")
    Duration keepPrevious();
}
