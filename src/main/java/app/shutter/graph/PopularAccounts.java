package app.shutter.graph;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The most followed active public accounts, ranked ahead of time for /suggestions: a request reads at most
 * {@code popular-size} rows by position instead of sorting every account. It runs at start and then every
 * {@code refresh-every}. Every instance runs the job; an
 * advisory lock and the age of the list make one of them do the work per period.
 */
@ApplicationScoped
public class PopularAccounts {

    @Inject
    SuggestionsConfig config;

    @Inject
    EntityManager em;

    @Scheduled(identity = "popular-accounts", every = "${shutter.suggestions.refresh-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (config.scheduled()) {
            refresh(false);
        }
    }

    /**
     * @param force recompute even if another instance did so within the last half period
     * @return whether this call wrote the list
     */
    @Transactional
    public boolean refresh(boolean force) {
        if (!(Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(hashtext('shutter.popular-accounts'))")
                .getSingleResult()) {
            return false;
        }
        if (!force && (Boolean) em.createNativeQuery("select exists (select 1 from popular_accounts"
                        + " where computed_at > now() - :halfPeriod * interval '1 second')")
                .setParameter("halfPeriod", config.refreshEvery().toSeconds() / 2).getSingleResult()) {
            return false;
        }
        // readers see the old list or the new one (one transaction), never a mix
        em.createNativeQuery("delete from popular_accounts").executeUpdate();
        em.createNativeQuery("""
                        insert into popular_accounts (position, user_id)
                        select row_number() over (order by followers_count desc, id), id from (
                            select id, followers_count from users
                            where deactivated_at is null and not is_private and followers_count > 0
                            order by followers_count desc, id limit :size) top""")
                .setParameter("size", config.popularSize()).executeUpdate();
        return true;
    }
}
