package app.shutter.graph;

import app.shutter.common.error.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * "Notify me when this account posts": a flag on the caller's accepted follow, so it ends with the follow
 * (unfollow, removed follower, block, deleted account) without anything else to clean up.
 */
@ApplicationScoped
public class PostSubscriptions {

    @Inject
    GraphService graph;

    @Inject
    EntityManager em;

    /** Idempotent; only for an account the caller follows (a pending request is not enough). */
    @Transactional
    public void subscribe(long viewer, String username) {
        long author = graph.target(viewer, username).user().id;
        int updated = em.createNativeQuery("update follows set notify_posts = true where follower_id = :viewer"
                        + " and followee_id = :author and status = 'accepted'")
                .setParameter("viewer", viewer).setParameter("author", author).executeUpdate();
        if (updated == 0) {
            throw ApiException.conflict("Follow this account first; post notifications come with a follow");
        }
    }

    /** Idempotent. */
    @Transactional
    public void unsubscribe(long viewer, String username) {
        long author = graph.target(viewer, username).user().id;
        em.createNativeQuery("update follows set notify_posts = false where follower_id = :viewer"
                        + " and followee_id = :author and notify_posts")
                .setParameter("viewer", viewer).setParameter("author", author).executeUpdate();
    }

    /** SQL: anyone asked to be told of the posts of the user id expression {@code author} (one index probe). */
    public static String hasSubscribersSql(String author) {
        return "exists (select 1 from follows s where s.followee_id = %s and s.notify_posts)".formatted(author);
    }

    /**
     * The next subscribers of the author after {@code afterFollower}, in id order, without those who mute the
     * author's posts: one range of the subscribers' index per batch, however many follow the author.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Long> subscribers(long author, long afterFollower, int limit) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("""
                        select f.follower_id from follows f
                        where f.followee_id = :author and f.notify_posts and f.follower_id > :after
                          and not %s
                        order by f.follower_id limit :limit""".formatted(Mutes.mutedSql("f.follower_id", ":author",
                        "posts")))
                .setParameter("author", author).setParameter("after", afterFollower).setParameter("limit", limit)
                .getResultList();
        return ids.stream().map(Number::longValue).toList();
    }
}
