package app.shutter.notification;

import app.shutter.common.pagination.Keyset;
import app.shutter.common.pagination.Page;
import app.shutter.common.pagination.PageRequest;
import app.shutter.common.persistence.Rows;
import app.shutter.graph.Relationships;
import app.shutter.post.PostQueries;
import app.shutter.media.MediaStorage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import java.util.List;

/**
 * Reads a recipient's notifications, leaving out what they should no longer see: actors hidden (deactivated,
 * suspended) or blocked either way, and posts that became invisible to them. Notices from Shutter have no
 * actor (the left join finds none, and both conditions on it hold).
 */
@ApplicationScoped
public class NotificationQueries {

    private static final String FROM = """
             from notifications n left join users a on a.id = n.actor_id left join comments c on c.id = n.comment_id
            where n.recipient_id = :viewer and a.hidden_at is null and %s
              and (n.post_id is null or exists (select 1 from posts p join users u on u.id = p.author_id
                                                where p.id = n.post_id and %s))"""
            .formatted(Relationships.notBlockedSql("a"), PostQueries.VISIBLE_SQL);

    @Inject
    EntityManager em;

    @Inject
    MediaStorage storage;

    /** Newest first. */
    public Page<NotificationView> list(long recipient, PageRequest page) {
        List<Tuple> rows = Rows.list(Keyset.query(em, "select " + NotificationView.COLUMNS + FROM
                        + " %s order by n.created_at desc, n.id desc", "(n.created_at, n.id)", page)
                .setParameter("viewer", recipient));
        return Page.of(rows, page, Keyset::position, row -> NotificationView.of(row, storage));
    }

    /** What a stream has not sent yet, in commit order. */
    public List<Delivery> after(long recipient, long seq, int limit) {
        List<Tuple> rows = Rows.list(em.createNativeQuery("select " + NotificationView.COLUMNS + FROM
                        + " and n.seq > :seq order by n.seq limit :limit", Tuple.class)
                .setParameter("viewer", recipient).setParameter("seq", seq).setParameter("limit", limit));
        return rows.stream().map(row -> new Delivery(NotificationView.seqOf(row), NotificationView.of(row, storage)))
                .toList();
    }

    /** Where a new stream without Last-Event-ID starts: after everything already stored. */
    public long lastSeq(long recipient) {
        return ((Number) em.createNativeQuery("select coalesce(max(seq), 0) from notifications"
                + " where recipient_id = :viewer").setParameter("viewer", recipient).getSingleResult()).longValue();
    }

    public long unreadCount(long recipient) {
        return ((Number) em.createNativeQuery("select count(*)" + FROM + " and n.read_at is null")
                .setParameter("viewer", recipient).getSingleResult()).longValue();
    }

    /** A notification and its position in its recipient's stream (the SSE event id). */
    public record Delivery(long seq, NotificationView notification) {
    }
}
