package app.shutter.graph;

import app.shutter.common.persistence.PeriodicRefresh;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The most followed active public accounts, ranked ahead of time for /suggestions: a request reads at most
 * {@code popular-size} rows by position instead of sorting every account. Every instance runs the job at start
 * and then every {@code refresh-every}; {@link PeriodicRefresh} makes one of them do the work per period.
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
        if (!PeriodicRefresh.claim(em, "shutter.popular-accounts", "popular_accounts", config.refreshEvery(), force)) {
            return false;
        }
        // readers see the old list or the new one (one transaction), never a mix
        em.createNativeQuery("delete from popular_accounts").executeUpdate();
        em.createNativeQuery("""
                        insert into popular_accounts (position, user_id)
                        select row_number() over (order by followers_count desc, id), id from (
                            select id, followers_count from users
                            where hidden_at is null and not is_private and followers_count > 0
                            order by followers_count desc, id limit :size) top""")
                .setParameter("size", config.popularSize()).executeUpdate();
        return true;
    }
}
