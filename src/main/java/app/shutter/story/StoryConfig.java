package app.shutter.story;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Stories (prefix {@code shutter.stories}). */
@ConfigMapping(prefix = "shutter.stories")
public interface StoryConfig {

    /** How long a story is visible after it is posted. */
    @WithDefault("24h")
    Duration lifetime();

    /** How often expired stories, their views and files are deleted. */
    @WithDefault("1m")
    Duration cleanupEvery();

    /** Stories deleted per transaction by the cleanup job. */
    @WithDefault("500")
    int cleanupBatch();
}
