package app.shutter.common.persistence;

import jakarta.persistence.EntityManager;

import java.time.Duration;

/**
 * Results that every instance is scheduled to recompute but one computation per period is enough (the explore
 * ranking, the popular accounts): the caller's transaction takes an advisory lock, so instances never compute
 * at once, and skips the work when any instance wrote a result within the last half period.
 */
public final class PeriodicRefresh {

    private PeriodicRefresh() {
    }

    /**
     * @param lock  the advisory lock's name, held until the caller's transaction ends
     * @param table a table of the results, with a {@code computed_at} column (a constant of the caller)
     * @param force recompute even if another instance did so within the last half period
     * @return whether the caller should compute now
     */
    public static boolean claim(EntityManager em, String lock, String table, Duration period, boolean force) {
        if (!AdvisoryLocks.tryForTransaction(em, lock)) {
            return false;
        }
        return force || !(Boolean) em.createNativeQuery("select exists (select 1 from " + table
                        + " where computed_at > now() - :halfPeriod * interval '1 second')")
                .setParameter("halfPeriod", period.toSeconds() / 2).getSingleResult();
    }
}
