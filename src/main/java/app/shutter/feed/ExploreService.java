package app.shutter.feed;

import app.shutter.common.error.ApiException;
import app.shutter.common.pagination.Keyset;
import app.shutter.common.pagination.Page;
import app.shutter.common.pagination.PageRequest;
import app.shutter.graph.Mutes;
import app.shutter.graph.Relationships;
import app.shutter.post.PostQueries;
import app.shutter.post.PostView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Discovery: the newest ranking snapshot (see ExploreRanking), less what this caller should not get there.
 * The cursor names the snapshot (its time) and a position in it, so paging stays in one ranking even when
 * a new one is computed meanwhile.
 */
@ApplicationScoped
public class ExploreService {

    private static final String SQL = "select " + PostQueries.POST_COLUMNS + ", " + Keyset.key("s.computed_at", "e.position")
            + " from explore_posts e join explore_snapshots s on s.id = e.snapshot_id"
            + " join posts p on p.id = e.post_id join users u on u.id = p.author_id"
            + " where %s and u.hidden_at is null and not u.is_private and u.id <> :viewer and " + PostQueries.LISTED_SQL
            + " and " + Relationships.NOT_BLOCKED_SQL + " and not " + Relationships.FOLLOWED_BY_VIEWER_SQL
            + " and not " + Mutes.mutedSql(":viewer", "u.id", "posts")
            + " order by e.position limit :limit";

    @Inject
    PostQueries posts;

    @Inject
    EntityManager em;

    @Transactional
    public Page<PostView> explore(long viewer, PageRequest page) {
        Query query;
        if (page.after() == null) {
            query = em.createNativeQuery(SQL.formatted("s.id = (select max(id) from explore_snapshots)"), Tuple.class);
        } else {
            query = em.createNativeQuery(SQL.formatted("s.computed_at = :snapshot and e.position > :position"),
                            Tuple.class)
                    .setParameter("snapshot", OffsetDateTime.ofInstant(page.after().at(), ZoneOffset.UTC))
                    .setParameter("position", page.after().id());
        }
        Page<PostView> result = posts.page(query.setParameter("viewer", viewer)
                .setParameter("limit", page.fetchSize()), page);
        if (result.items().isEmpty() && page.after() != null && !snapshotExists(page)) {
            throw ApiException.invalidField("cursor", "has expired; start again from the first page");
        }
        return result;
    }

    private boolean snapshotExists(PageRequest page) {
        return (Boolean) em.createNativeQuery("select exists (select 1 from explore_snapshots where computed_at = :at)")
                .setParameter("at", OffsetDateTime.ofInstant(page.after().at(), ZoneOffset.UTC)).getSingleResult();
    }
}
