package app.shutter.post;

import app.shutter.common.pagination.Page;
import app.shutter.common.pagination.PageRequest;
import app.shutter.common.persistence.Rows;
import app.shutter.common.security.ActionLimits;
import app.shutter.graph.GraphItems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * Likes on comments and replies, the way posts are liked: one statement writes the like row and moves the
 * comment's counter together, so repeated and concurrent likes and unlikes keep like_count exact.
 */
@ApplicationScoped
public class CommentLikes {

    private static final String LIKE = """
            with added as (insert into comment_likes (comment_id, user_id) values (:comment, :viewer)
                           on conflict do nothing returning 1)
            update comments set like_count = like_count + (select count(*) from added) where id = :comment
            returning like_count, (select count(*) from added) as changed, author_id, post_id""";

    private static final String UNLIKE = """
            with removed as (delete from comment_likes where comment_id = :comment and user_id = :viewer returning 1)
            update comments set like_count = like_count - (select count(*) from removed) where id = :comment
            returning like_count, (select count(*) from removed) as changed, author_id, post_id""";

    @Inject
    CommentService comments;

    @Inject
    ActionLimits limits;

    @Inject
    EntityManager em;

    @Inject
    Event<Object> events;

    @Transactional
    public PostRequests.LikeState like(long viewer, long commentId) {
        ensureVisible(viewer, commentId);
        limits.count(viewer, ActionLimits.Action.LIKE);
        Tuple row = change(LIKE, viewer, commentId);
        if (Rows.count(row, "changed") == 1) {
            events.fire(new PostEvents.CommentLiked(viewer, Rows.id(row, "post_id"), commentId,
                    Rows.id(row, "author_id")));
        }
        return new PostRequests.LikeState(Rows.count(row, "like_count"), true);
    }

    @Transactional
    public PostRequests.LikeState unlike(long viewer, long commentId) {
        ensureVisible(viewer, commentId);
        Tuple row = change(UNLIKE, viewer, commentId);
        if (Rows.count(row, "changed") == 1) {
            events.fire(new PostEvents.CommentUnliked(viewer, commentId));
        }
        return new PostRequests.LikeState(Rows.count(row, "like_count"), false);
    }

    /** Who liked a visible comment, newest first, without accounts blocked either way. */
    @Transactional
    public Page<GraphItems.UserItem> likers(long viewer, long commentId, PageRequest page) {
        ensureVisible(viewer, commentId);
        return Likers.COMMENT.page(em, viewer, commentId, page);
    }

    /** A comment deleted between the check and the change has no row to update: 404, and nothing is written. */
    private Tuple change(String sql, long viewer, long commentId) {
        List<Tuple> rows = Rows.list(em.createNativeQuery(sql, Tuple.class)
                .setParameter("comment", commentId).setParameter("viewer", viewer));
        if (rows.isEmpty()) {
            throw CommentService.notFound();
        }
        return rows.get(0);
    }

    private void ensureVisible(long viewer, long commentId) {
        if (!comments.isVisible(viewer, commentId)) {
            throw CommentService.notFound();
        }
    }
}
