package app.shutter.post;

import app.shutter.common.security.ActionLimits;
import app.shutter.common.error.ApiException;
import app.shutter.common.pagination.Page;
import app.shutter.common.pagination.PageRequest;
import app.shutter.common.persistence.Rows;
import app.shutter.graph.GraphItems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;


/**
 * Likes and saves. Each change is one statement that writes the row and moves the counter together
 * (insert ... on conflict do nothing / delete ... returning), so repeated and concurrent calls stay exact.
 */
@ApplicationScoped
public class PostInteractions {

    @Inject
    PostQueries queries;

    @Inject
    EntityManager em;

    @Inject
    ActionLimits limits;

    @Inject
    Event<Object> events;

    @Transactional
    public PostRequests.LikeState like(long viewer, long postId) {
        ensureVisible(viewer, postId);
        limits.count(viewer, ActionLimits.Action.LIKE);
        Tuple row = Rows.single(em.createNativeQuery("""
                with added as (insert into post_likes (post_id, user_id) values (:post, :viewer)
                               on conflict do nothing returning 1)
                update posts set like_count = like_count + (select count(*) from added) where id = :post
                returning like_count, (select count(*) from added) as changed, author_id, hide_like_count""", Tuple.class)
                .setParameter("post", postId).setParameter("viewer", viewer));
        if (Rows.count(row, "changed") == 1) {
            events.fire(new PostEvents.Liked(viewer, postId, Rows.id(row, "author_id")));
        }
        return state(viewer, row, true);
    }

    @Transactional
    public PostRequests.LikeState unlike(long viewer, long postId) {
        ensureVisible(viewer, postId);
        Tuple row = Rows.single(em.createNativeQuery("""
                with removed as (delete from post_likes where post_id = :post and user_id = :viewer returning 1)
                update posts set like_count = like_count - (select count(*) from removed) where id = :post
                returning like_count, (select count(*) from removed) as changed, author_id, hide_like_count""",
                        Tuple.class)
                .setParameter("post", postId).setParameter("viewer", viewer));
        if (Rows.count(row, "changed") == 1) {
            events.fire(new PostEvents.Unliked(viewer, postId));
        }
        return state(viewer, row, false);
    }

    /** The count, unless its author hides it from the viewer. */
    private static PostRequests.LikeState state(long viewer, Tuple row, boolean liked) {
        boolean hidden = Rows.flag(row, "hide_like_count") && Rows.id(row, "author_id") != viewer;
        return new PostRequests.LikeState(hidden ? null : Rows.count(row, "like_count"), liked);
    }

    /**
     * Who liked a visible post, newest first, without accounts blocked either way; only its author's when the
     * author hides the like count (403 for others).
     */
    @Transactional
    public Page<GraphItems.UserItem> likers(long viewer, long postId, PageRequest page) {
        if (queries.likesHiddenFrom(viewer, postId).orElseThrow(PostService::notFound)) {
            throw ApiException.forbidden("The author keeps who liked this post to themselves");
        }
        return Likers.POST.page(em, viewer, postId, page);
    }

    @Transactional
    public void save(long viewer, long postId) {
        ensureVisible(viewer, postId);
        em.createNativeQuery("insert into saved_posts (user_id, post_id) values (:viewer, :post) on conflict do nothing")
                .setParameter("viewer", viewer).setParameter("post", postId).executeUpdate();
    }

    @Transactional
    public void unsave(long viewer, long postId) {
        ensureVisible(viewer, postId);
        em.createNativeQuery("delete from saved_posts where user_id = :viewer and post_id = :post")
                .setParameter("viewer", viewer).setParameter("post", postId).executeUpdate();
    }

    private void ensureVisible(long viewer, long postId) {
        if (!queries.isVisible(viewer, postId)) {
            throw PostService.notFound();
        }
    }
}
