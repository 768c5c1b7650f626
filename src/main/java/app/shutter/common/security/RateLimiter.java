package app.shutter.common.security;

import app.shutter.common.error.ApiException;
import app.shutter.common.persistence.AdvisoryLocks;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Limits on attempts (failed logins, registrations), counted in PostgreSQL (rate_limit_counters, V12) so that
 * every instance behind a load balancer sees the same counts and a restart forgets nothing. A count is one
 * upsert per attempt, in its own transaction: the request that is refused rolls back, its attempt stays
 * counted. Windows are fixed: a key allows {@code max} attempts from its first attempt until {@code window}
 * has passed, then starts again.
 */
@ApplicationScoped
public class RateLimiter {

    private static final String CLEANUP_LOCK = "shutter.rate-limit-cleanup";

    /** One counted quantity, e.g. failed logins from one address. */
    public record Limit(String key, int max, Duration window) {
    }

    @Inject
    EntityManager em;

    /** Counts one attempt, then fails with 429 (and Retry-After) if it was over the limit. */
    public void consume(Limit limit, String detail) {
        Tuple counted = QuarkusTransaction.requiringNew().call(() -> (Tuple) upsert(List.of(limit),
                " returning c.hits, extract(epoch from c.window_start + c.window_seconds * interval '1 second'"
                        + " - now()) as wait").getSingleResult());
        if (counted.get("hits", Number.class).intValue() > limit.max()) {
            throw ApiException.tooManyRequests(detail, seconds(counted.get("wait", Number.class)));
        }
    }

    /**
     * Counts one action in the caller's transaction (one upsert), then fails with 429 (and Retry-After) if it was
     * over the limit: the refused request rolls back and its action is not counted, which is right for actions
     * (a post, a like) where only what happened should count. The counter's row stays locked until the commit,
     * so one account's concurrent actions count one after another.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void consumeInTransaction(Limit limit, String detail) {
        Tuple counted = (Tuple) upsert(List.of(limit), " returning c.hits, extract(epoch from c.window_start"
                + " + c.window_seconds * interval '1 second' - now()) as wait").getSingleResult();
        if (counted.get("hits", Number.class).intValue() > limit.max()) {
            throw ApiException.tooManyRequests(detail, seconds(counted.get("wait", Number.class)));
        }
    }

    /** Fails with 429 if any limit has no attempt left in its current window; counts nothing (one select). */
    public void ensureAvailable(List<Limit> limits, String detail) {
        String rows = IntStream.range(0, limits.size()).mapToObj(i -> "(:key" + i + ", :max" + i + ")")
                .collect(Collectors.joining(", "));
        Query query = em.createNativeQuery("select max(extract(epoch from c.window_start"
                + " + c.window_seconds * interval '1 second' - now())) as wait"
                + " from rate_limit_counters c join (values " + rows + ") as l(key, max) on l.key = c.key"
                + " where c.hits >= l.max and c.window_start > now() - c.window_seconds * interval '1 second'");
        bind(query, limits, false);
        Number wait = (Number) query.getSingleResult();
        if (wait != null) {
            throw ApiException.tooManyRequests(detail, seconds(wait));
        }
    }

    /** Counts one attempt under each limit (one statement, its own transaction); never fails the caller. */
    public void record(List<Limit> limits) {
        QuarkusTransaction.requiringNew().run(() -> upsert(limits, "").executeUpdate());
    }

    /** Windows that have passed are deleted; one instance at a time does it. */
    @Scheduled(identity = "rate-limit-cleanup", every = "10m", delayed = "1m")
    void deletePassedWindows() {
        QuarkusTransaction.requiringNew().run(() -> {
            if (AdvisoryLocks.tryForTransaction(em, CLEANUP_LOCK)) {
                em.createNativeQuery("delete from rate_limit_counters"
                        + " where window_start < now() - window_seconds * interval '1 second'").executeUpdate();
            }
        });
    }

    private Query upsert(List<Limit> limits, String returning) {
        String rows = IntStream.range(0, limits.size())
                .mapToObj(i -> "(:key" + i + ", now(), :window" + i + ", 1)").collect(Collectors.joining(", "));
        // a window that has passed starts again at this attempt; one that has not counts it
        String sql = """
                insert into rate_limit_counters as c (key, window_start, window_seconds, hits) values %s
                on conflict (key) do update set
                    hits = case when c.window_start > now() - c.window_seconds * interval '1 second'
                                then c.hits + 1 else 1 end,
                    window_start = case when c.window_start > now() - c.window_seconds * interval '1 second'
                                        then c.window_start else now() end,
                    window_seconds = excluded.window_seconds""".formatted(rows) + returning;
        Query query = returning.isEmpty() ? em.createNativeQuery(sql) : em.createNativeQuery(sql, Tuple.class);
        bind(query, limits, true);
        return query;
    }

    private static void bind(Query query, List<Limit> limits, boolean windows) {
        for (int i = 0; i < limits.size(); i++) {
            query.setParameter("key" + i, limits.get(i).key());
            if (windows) {
                query.setParameter("window" + i, (int) limits.get(i).window().toSeconds());
            } else {
                query.setParameter("max" + i, limits.get(i).max());
            }
        }
    }

    private static long seconds(Number wait) {
        return Math.max(1, (long) Math.ceil(wait.doubleValue()));
    }
}
