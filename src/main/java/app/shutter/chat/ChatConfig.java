package app.shutter.chat;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Chat over WebSockets (prefix {@code shutter.chat}). */
@ConfigMapping(prefix = "shutter.chat")
public interface ChatConfig {

    /** Messages one connection may send per {@link #rateWindow()}; more get {@code rate_limited}. */
    @WithDefault("30")
    int messagesPerWindow();

    @WithDefault("10s")
    Duration rateWindow();

    /** Frames refused as rate limited in a row before the connection is closed (1008). */
    @WithDefault("5")
    int rateLimitedBeforeClose();

    /** Largest text frame (message) in characters; a larger one closes the socket with 1009. */
    @WithDefault("16384")
    int maxFrameSize();

    /** How often an instance confirms its open connections; a connection unconfirmed for 3 periods is gone. */
    @WithDefault("30s")
    Duration presenceRefresh();

    /** Chat sockets one account may hold across all instances; another is closed with 1008. */
    @WithDefault("5")
    int maxConnectionsPerUser();
}
