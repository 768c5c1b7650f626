package app.shutter.common.persistence;

import jakarta.persistence.EntityManager;

/** PostgreSQL advisory locks by name: what instances sharing the database use to take turns. */
public final class AdvisoryLocks {

    private AdvisoryLocks() {
    }

    /** Takes the named lock until the caller's transaction ends, or answers false at once if another holds it. */
    public static boolean tryForTransaction(EntityManager em, String name) {
        return (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(hashtext(:lock))")
                .setParameter("lock", name).getSingleResult();
    }
}
