package app.shutter.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Live notification streams (prefix {@code shutter.notifications}). */
@ConfigMapping(prefix = "shutter.notifications")
public interface NotificationConfig {

    /** How often an idle stream gets a comment line, so proxies do not close it. */
    @WithDefault("20s")
    Duration heartbeat();

    /** Open streams one account may hold on one instance; another is refused with 429. */
    @WithDefault("5")
    int maxStreamsPerUser();

    /** Subscribers told of a new post per transaction (the job works through an author's subscribers in these). */
    @WithDefault("500")
    int postBatch();

    /**
     * How often each instance looks for post-notification jobs left unfinished (a crash, a failed batch); new
     * posts wake the worker at once. Read by {@link PostNotifications}' schedule.
     */
    @WithDefault("10s")
    String postJobsEvery();
}
