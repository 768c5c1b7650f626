package app.shutter.common.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "shutter.idempotency")
public interface IdempotencyConfig {

    /**
     * How long a claimed key waits for its request to finish before a retry may run it again (the request's
     * instance may have crashed); long enough for the slowest upload's processing.
     */
    @WithDefault("5m")
    Duration lease();

    /** How long a completed key answers retries with the first response. */
    @WithDefault("24h")
    Duration retention();
}
