package app.shutter.feed;

import app.shutter.common.persistence.PeriodicRefresh;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Computes the discovery ranking ahead of time into a new snapshot, so /explore reads ranked rows by
 * position instead of scoring posts per request. Every instance runs the job; an advisory lock and the age of
 * the newest snapshot make one of them do the work per period.
 */
@ApplicationScoped
public class ExploreRanking {

    private static final Logger LOG = Logger.getLogger(ExploreRanking.class);

    /**
     * Score: engagement in the window (a comment weighs two likes; every post starts at one so new posts
     * can surface) divided by (age in hours + 2)^1.5, so fresh engagement beats old fame.
     */
    private static final String RANK = """
            with likes as (select post_id, count(*) as n from post_likes
                           where created_at > now() - :windowSeconds * interval '1 second' group by post_id),
            comments as (select post_id, count(*) as n from comments
                         where created_at > now() - :windowSeconds * interval '1 second' group by post_id),
            snapshot as (insert into explore_snapshots default values returning id)
            insert into explore_posts (snapshot_id, position, post_id, score)
            select snapshot.id, row_number() over (order by ranked.score desc, ranked.post_id desc),
                   ranked.post_id, ranked.score
            from snapshot, (
                select p.id as post_id,
                       -- in double precision: numeric power() on every recent post cost more than the counting
                       (1 + coalesce(l.n, 0) + 2 * coalesce(c.n, 0))
                       / power(extract(epoch from (now() - p.created_at))::float8 / 3600 + 2, 1.5) as score
                from posts p join users u on u.id = p.author_id
                left join likes l on l.post_id = p.id
                left join comments c on c.post_id = p.id
                where p.created_at > now() - :maxAgeSeconds * interval '1 second' and p.archived_at is null
                  and not u.is_private and u.hidden_at is null
                order by score desc, p.id desc
                limit :size) ranked""";

    @Inject
    ExploreConfig config;

    @Inject
    EntityManager em;

    @Scheduled(identity = "explore-ranking", every = "${shutter.explore.refresh-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (config.scheduled()) {
            refresh(false);
        }
    }

    /**
     * @param force recompute even if another instance did so within the last half period
     * @return whether this call wrote a new snapshot
     */
    @Transactional
    public boolean refresh(boolean force) {
        if (!PeriodicRefresh.claim(em, "shutter.explore-ranking", "explore_snapshots", config.refreshEvery(), force)) {
            return false;
        }
        em.createNativeQuery(RANK)
                .setParameter("windowSeconds", config.engagementWindow().toSeconds())
                .setParameter("maxAgeSeconds", config.maxPostAge().toSeconds())
                .setParameter("size", config.size()).executeUpdate();
        int dropped = em.createNativeQuery("""
                        delete from explore_snapshots where computed_at < now() - :keepSeconds * interval '1 second'
                        and id <> (select max(id) from explore_snapshots)""")
                .setParameter("keepSeconds", config.keepPrevious().toSeconds()).executeUpdate();
        LOG.debugf("Explore ranking refreshed; %d old snapshots dropped", dropped);
        return true;
    }
}
