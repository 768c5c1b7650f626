package app.shutter.graph;

import app.shutter.common.pagination.Keyset;
import app.shutter.common.pagination.Page;
import app.shutter.common.pagination.PageRequest;
import app.shutter.user.UserSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;

/** The graph's lists: one keyset query each, blocked accounts filtered in SQL. */
@ApplicationScoped
public class GraphQueries {

    @Inject
    GraphService graph;

    @Inject
    EntityManager em;

    @Transactional
    public Page<GraphItems.UserItem> followers(long viewer, String username, PageRequest page) {
        long owner = listOwner(viewer, username);
        return userItems("""
                select %s, f.accepted_at, f.follower_id from follows f join users u on u.id = f.follower_id
                where f.followee_id = :owner and f.status = 'accepted' and u.deactivated_at is null and %s %s
                order by f.accepted_at desc, f.follower_id desc""", "(f.accepted_at, f.follower_id)", owner, viewer,
                page);
    }

    @Transactional
    public Page<GraphItems.UserItem> following(long viewer, String username, PageRequest page) {
        long owner = listOwner(viewer, username);
        return userItems("""
                select %s, f.accepted_at, f.followee_id from follows f join users u on u.id = f.followee_id
                where f.follower_id = :owner and f.status = 'accepted' and u.deactivated_at is null and %s %s
                order by f.accepted_at desc, f.followee_id desc""", "(f.accepted_at, f.followee_id)", owner, viewer,
                page);
    }

    @Transactional
    public Page<GraphItems.FollowRequest> requests(long viewer, PageRequest page) {
        List<Object[]> rows = Keyset.query(em, """
                select u.id, u.username, u.name, u.avatar_url, u.is_private, f.created_at, f.follower_id
                from follows f join users u on u.id = f.follower_id
                where f.followee_id = :viewer and f.status = 'pending' and u.deactivated_at is null %s
                order by f.created_at desc, f.follower_id desc""", "(f.created_at, f.follower_id)", page)
                .setParameter("viewer", viewer).getResultList();
        return Page.of(rows, page, Keyset::position,
                row -> new GraphItems.FollowRequest(UserSummary.of(row, 0), Keyset.instant(row[5])));
    }

    @Transactional
    public Page<GraphItems.Blocked> blocked(long viewer, PageRequest page) {
        List<Object[]> rows = Keyset.query(em, """
                select u.id, u.username, u.name, u.avatar_url, u.is_private, b.created_at, b.blocked_id
                from blocks b join users u on u.id = b.blocked_id
                where b.blocker_id = :viewer and u.deactivated_at is null %s
                order by b.created_at desc, b.blocked_id desc""", "(b.created_at, b.blocked_id)", page)
                .setParameter("viewer", viewer).getResultList();
        return Page.of(rows, page, Keyset::position,
                row -> new GraphItems.Blocked(UserSummary.of(row, 0), Keyset.instant(row[5])));
    }

    /** A private account's lists are for the owner and its accepted followers only (the content-owner rule). */
    private long listOwner(long viewer, String username) {
        return graph.contentOwner(viewer, username, "followers and following").id;
    }

    private Page<GraphItems.UserItem> userItems(String sql, String keysetColumns, long owner, long viewer,
                                                PageRequest page) {
        // fills the columns and the block filter now; the keyset clause ("%s" again) is filled by Keyset.query
        String withColumns = sql.formatted(GraphItems.UserItem.COLUMNS, Relationships.NOT_BLOCKED_SQL, "%s");
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Keyset.query(em, withColumns, keysetColumns, page)
                .setParameter("owner", owner).setParameter("viewer", viewer).getResultList();
        return Page.of(rows, page, Keyset::position, GraphItems.UserItem::of);
    }
}
