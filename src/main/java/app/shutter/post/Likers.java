package app.shutter.post;

import app.shutter.common.pagination.Keyset;
import app.shutter.common.pagination.Page;
import app.shutter.common.pagination.PageRequest;
import app.shutter.common.persistence.Rows;
import app.shutter.graph.GraphItems;
import app.shutter.graph.Relationships;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import java.util.List;

/**
 * Who liked a post or a comment, newest first, without deactivated accounts or accounts blocked either way:
 * one statement over the like table's (subject, created_at, user_id) order, the same for both kinds of likes.
 */
enum Likers {
    POST("post_likes", "post_id"),
    COMMENT("comment_likes", "comment_id");

    private final String sql;

    Likers(String table, String subjectColumn) {
        this.sql = """
                select %s, l.created_at as key_at, l.user_id as key_id
                from %s l join users u on u.id = l.user_id
                where l.%s = :subject and u.hidden_at is null and %s %%s
                order by l.created_at desc, l.user_id desc""".formatted(GraphItems.UserItem.COLUMNS, table,
                subjectColumn, Relationships.NOT_BLOCKED_SQL);
    }

    /** One page; the caller has checked that the viewer may see the subject. */
    Page<GraphItems.UserItem> page(EntityManager em, long viewer, long subjectId, PageRequest page) {
        List<Tuple> rows = Rows.list(Keyset.query(em, sql, "(l.created_at, l.user_id)", page)
                .setParameter("subject", subjectId).setParameter("viewer", viewer));
        return Page.of(rows, page, Keyset::position, GraphItems.UserItem::of);
    }
}
