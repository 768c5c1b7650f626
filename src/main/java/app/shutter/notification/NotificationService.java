package app.shutter.notification;

import app.shutter.common.error.ApiException;
import app.shutter.common.pagination.Page;
import app.shutter.common.pagination.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The caller's own notifications: listing, counting and marking read. */
@ApplicationScoped
public class NotificationService {

    @Inject
    NotificationQueries queries;

    @Inject
    EntityManager em;

    @Transactional
    public Page<NotificationView> list(long viewer, PageRequest page) {
        return queries.list(viewer, page);
    }

    @Transactional
    public long unreadCount(long viewer) {
        return queries.unreadCount(viewer);
    }

    /** Idempotent; someone else's notification is 404, as if it did not exist. */
    @Transactional
    public void markRead(long viewer, long id) {
        int found = em.createNativeQuery("update notifications set read_at = coalesce(read_at, now())"
                        + " where id = :id and recipient_id = :viewer")
                .setParameter("id", id).setParameter("viewer", viewer).executeUpdate();
        if (found == 0) {
            throw ApiException.notFound("No such notification");
        }
    }

    @Transactional
    public void markAllRead(long viewer) {
        em.createNativeQuery("update notifications set read_at = now() where recipient_id = :viewer"
                + " and read_at is null").setParameter("viewer", viewer).executeUpdate();
    }
}
