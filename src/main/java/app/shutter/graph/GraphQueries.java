package app.shutter.graph;

import app.shutter.common.pagination.Keyset;
import app.shutter.common.pagination.Page;
import app.shutter.common.pagination.PageRequest;
import app.shutter.common.persistence.Rows;
import app.shutter.user.UserSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
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
                select %s, f.accepted_at as key_at, f.follower_id as key_id from follows f join users u on u.id = f.follower_id
                where f.followee_id = :owner and f.status = 'accepted' and u.hidden_at is null and %s %s
                order by f.accepted_at desc, f.follower_id desc""", "(f.accepted_at, f.follower_id)", owner, viewer,
                page);
    }

    @Transactional
    public Page<GraphItems.UserItem> following(long viewer, String username, PageRequest page) {
        long owner = listOwner(viewer, username);
        return userItems("""
                select %s, f.accepted_at as key_at, f.followee_id as key_id from follows f join users u on u.id = f.followee_id
                where f.follower_id = :owner and f.status = 'accepted' and u.hidden_at is null and %s %s
                order by f.accepted_at desc, f.followee_id desc""", "(f.accepted_at, f.followee_id)", owner, viewer,
                page);
    }

    @Transactional
    public Page<GraphItems.FollowRequest> requests(long viewer, PageRequest page) {
        List<Tuple> rows = Rows.list(Keyset.query(em, """
                select %s, f.created_at as key_at, f.follower_id as key_id
                from follows f join users u on u.id = f.follower_id
                where f.followee_id = :viewer and f.status = 'pending' and u.hidden_at is null %%s
                order by f.created_at desc, f.follower_id desc""".formatted(UserSummary.columns("u", "")),
                "(f.created_at, f.follower_id)", page).setParameter("viewer", viewer));
        return Page.of(rows, page, Keyset::position,
                row -> new GraphItems.FollowRequest(UserSummary.of(row, ""), Rows.instant(row, "key_at")));
    }

    @Transactional
    public Page<GraphItems.Blocked> blocked(long viewer, PageRequest page) {
        List<Tuple> rows = Rows.list(Keyset.query(em, """
                select %s, b.created_at as key_at, b.blocked_id as key_id
                from blocks b join users u on u.id = b.blocked_id
                where b.blocker_id = :viewer and u.hidden_at is null %%s
                order by b.created_at desc, b.blocked_id desc""".formatted(UserSummary.columns("u", "")),
                "(b.created_at, b.blocked_id)", page).setParameter("viewer", viewer));
        return Page.of(rows, page, Keyset::position,
                row -> new GraphItems.Blocked(UserSummary.of(row, ""), Rows.instant(row, "key_at")));
    }

    /** A private account's lists are for the owner and its accepted followers only (the content-owner rule). */
    private long listOwner(long viewer, String username) {
        return graph.contentOwner(viewer, username, "followers and following").id;
    }

    private Page<GraphItems.UserItem> userItems(String sql, String keysetColumns, long owner, long viewer,
                                                PageRequest page) {
        // fills the columns and the block filter now; the keyset clause ("%s" again) is filled by Keyset.query
        String withColumns = sql.formatted(GraphItems.UserItem.COLUMNS, Relationships.NOT_BLOCKED_SQL, "%s");
        List<Tuple> rows = Rows.list(Keyset.query(em, withColumns, keysetColumns, page)
                .setParameter("owner", owner).setParameter("viewer", viewer));
        return Page.of(rows, page, Keyset::position, GraphItems.UserItem::of);
    }
}
