package app.shutter.common.security;

import app.shutter.common.error.ApiException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * In-memory token buckets (Bucket4j) keyed by e.g. "login-address:1.2.3.4". Per instance: behind a
 * load balancer each instance enforces its own limit.
 */
@ApplicationScoped
public class RateLimiter {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(2))
            .maximumSize(200_000)
            .build();

    /** Takes one token or fails with 429 and Retry-After. */
    public void consume(String key, int capacity, Duration window, String detail) {
        ConsumptionProbe probe = bucket(key, capacity, window).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw ApiException.tooManyRequests(detail, seconds(probe.getNanosToWaitForRefill()));
        }
    }

    /** Fails with 429 when no token is left, without taking one. */
    public void ensureAvailable(String key, int capacity, Duration window, String detail) {
        Bucket bucket = bucket(key, capacity, window);
        if (bucket.getAvailableTokens() < 1) {
            long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
            throw ApiException.tooManyRequests(detail, seconds(nanos));
        }
    }

    /** Takes one token if there is one; never fails. */
    public void record(String key, int capacity, Duration window) {
        bucket(key, capacity, window).tryConsume(1);
    }

    private Bucket bucket(String key, int capacity, Duration window) {
        return buckets.get(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, window).build())
                .build());
    }

    private static long seconds(long nanos) {
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + 999_999_999L));
    }
}
