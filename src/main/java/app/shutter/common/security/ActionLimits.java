package app.shutter.common.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.util.function.ToIntFunction;

/**
 * Per-account limits on actions per hour (posts, comments, follows, likes, chat messages, reports), counted in
 * PostgreSQL by the {@link RateLimiter}, so they hold across instances: one upsert per action, in the action's
 * own transaction. Over the limit: 429 with Retry-After.
 */
@ApplicationScoped
public class ActionLimits {

    /** Actions per account and hour (prefix {@code shutter.action-limits}). */
    @ConfigMapping(prefix = "shutter.action-limits")
    public interface Config {
        /** Off only to measure what the check costs (docs/performance.md); production keeps it on. */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("25")
        int postsPerHour();

        @WithDefault("200")
        int commentsPerHour();

        @WithDefault("200")
        int followsPerHour();

        @WithDefault("500")
        int likesPerHour();

        @WithDefault("1000")
        int chatMessagesPerHour();

        @WithDefault("30")
        int reportsPerHour();
    }

    public enum Action {
        POST("posts", Config::postsPerHour),
        COMMENT("comments", Config::commentsPerHour),
        FOLLOW("follows", Config::followsPerHour),
        LIKE("likes", Config::likesPerHour),
        CHAT_MESSAGE("chat messages", Config::chatMessagesPerHour),
        REPORT("reports", Config::reportsPerHour);

        private final String noun;
        private final ToIntFunction<Config> perHour;

        Action(String noun, ToIntFunction<Config> perHour) {
            this.noun = noun;
            this.perHour = perHour;
        }
    }

    private static final Duration WINDOW = Duration.ofHours(1);

    @Inject
    Config config;

    @Inject
    RateLimiter limiter;

    /** Counts one action of the account; 429 (Retry-After) when the hour's allowance is spent. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void count(long userId, Action action) {
        if (!config.enabled()) {
            return;
        }
        int max = action.perHour.applyAsInt(config);
        limiter.consumeInTransaction(new RateLimiter.Limit("action:" + action.name() + ":" + userId, max, WINDOW),
                "Too many " + action.noun + " for now: at most " + max + " an hour");
    }
}
