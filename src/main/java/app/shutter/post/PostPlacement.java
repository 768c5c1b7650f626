package app.shutter.post;

import app.shutter.common.error.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;

/** Where an author's posts show: pinned above the others, or archived out of sight. */
@ApplicationScoped
public class PostPlacement {

    static final int MAX_PINNED = 3;

    @Inject
    PostService posts;

    @Inject
    EntityManager em;

    /**
     * Pins the caller's own post to the top of their profile; at most {@link #MAX_PINNED} (409 beyond), and
     * not while archived (409). After the post (locked first, as every change of a post does, so two changes
     * of one post cannot deadlock) the author's row is locked, so concurrent pins of one account count one
     * after another.
     */
    @Transactional
    public void pin(long viewer, long postId) {
        Post post = posts.ownPost(viewer, postId);
        if (post.pinnedAt != null) {
            return;
        }
        if (post.archivedAt != null) {
            throw ApiException.conflict("An archived post cannot be pinned; unarchive it first");
        }
        em.createNativeQuery("select 1 from users where id = :id for update").setParameter("id", viewer)
                .getSingleResult();
        long pinned = ((Number) em.createNativeQuery("select count(*) from posts where author_id = :author"
                        + " and pinned_at is not null").setParameter("author", viewer).getSingleResult()).longValue();
        if (pinned >= MAX_PINNED) {
            throw ApiException.conflict("At most " + MAX_PINNED + " posts can be pinned; unpin one first");
        }
        post.pinnedAt = Instant.now();
    }

    @Transactional
    public void unpin(long viewer, long postId) {
        posts.ownPost(viewer, postId).pinnedAt = null;
    }

    /**
     * Archives the caller's own post: hidden from everyone else and from every list, its own too (their
     * archive lists it); no longer pinned nor counted among the profile's posts. Idempotent.
     */
    @Transactional
    public void archive(long viewer, long postId) {
        Post post = posts.ownPost(viewer, postId);
        if (post.archivedAt == null) {
            post.archivedAt = Instant.now();
            post.pinnedAt = null;
            posts.countPosts(viewer, -1);
        }
    }

    /** Brings an archived post back where it was (its time is unchanged). Idempotent. */
    @Transactional
    public void unarchive(long viewer, long postId) {
        Post post = posts.ownPost(viewer, postId);
        if (post.archivedAt != null) {
            post.archivedAt = null;
            posts.countPosts(viewer, 1);
        }
    }
}
