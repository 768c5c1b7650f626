package app.shutter.post;

import app.shutter.common.security.ActionLimits;
import app.shutter.common.Text;
import app.shutter.common.error.ApiException;
import app.shutter.common.persistence.Rows;
import app.shutter.media.AltTexts;
import app.shutter.media.MediaFiles;
import app.shutter.media.MediaPurpose;
import app.shutter.media.MediaDeletions;
import app.shutter.media.MediaUploads;
import app.shutter.media.StoredMedia;
import app.shutter.user.AccountEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/** Creating, editing and deleting posts; their files live and die with their rows. */
@ApplicationScoped
public class PostService {

    public static final String MEDIA_PART = "media";

    @Inject
    MediaUploads media;

    @Inject
    MediaDeletions deletions;

    @Inject
    PostQueries queries;

    @Inject
    PostTagging tagging;

    @Inject
    EntityManager em;

    @Inject
    ActionLimits limits;

    @Inject
    Event<Object> events;


    /** @param inTransaction runs with the new post in the transaction that creates it */
    public PostView create(long author, List<FileUpload> uploads, String caption, List<String> altTexts,
                           PostSettings settings, Consumer<PostView> inTransaction) {
        if (uploads == null || uploads.isEmpty()) {
            throw ApiException.invalidField(MEDIA_PART, "at least one photo or video is required, as multipart file"
                    + " parts named " + MEDIA_PART);
        }
        if (caption != null && caption.length() > PostRequests.MAX_CAPTION) {
            throw ApiException.invalidField("caption", "must be at most 2200 characters");
        }
        TextEntities entities = TextEntities.parse(caption, "caption");
        List<String> alts = AltTexts.of(altTexts, uploads.size());
        List<StoredMedia> stored = media.store(uploads, MediaPurpose.POST, MEDIA_PART);
        return media.commit(stored, () -> {
            limits.count(author, ActionLimits.Action.POST);
            long id = insert(author, Text.blankToNull(caption), entities, stored, alts, settings);
            em.flush();
            PostView created = view(author, id);
            inTransaction.accept(created);
            return created;
        });
    }

    @Transactional
    public PostView view(long viewer, long postId) {
        return queries.visible(viewer, postId).orElseThrow(PostService::notFound);
    }

    /** The profile's post count: the posts it lists (not archived). */
    void countPosts(long author, int change) {
        em.createNativeQuery("update users set posts_count = posts_count + :change where id = :id")
                .setParameter("change", change).setParameter("id", author).executeUpdate();
    }

    @Transactional
    public void delete(long viewer, long postId) {
        Post post = ownPost(viewer, postId);
        media.deleteAfterCommit(deleteRow(post));
    }

    /**
     * A moderator's removal: the post goes at once, as its author's delete would take it, but its files stay
     * for the grace period (the moderation case shows them). False if it was gone already.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean remove(long postId) {
        Post post = Post.findById(postId);
        if (post == null) {
            return false;
        }
        deletions.deleteAfterGrace(deleteRow(post));
        return true;
    }

    /** Deletes the post's row (likes, saves, comments go with it); the names of its files. */
    private List<String> deleteRow(Post post) {
        List<String> files = filesOf("p.id = :id", post.id);
        // of concurrent deletes of one post exactly one removes the row; the others wait for its lock, find
        // nothing, and answer 404 without touching the counter
        if (em.createNativeQuery("delete from posts where id = :id").setParameter("id", post.id).executeUpdate() == 0) {
            throw notFound();
        }
        if (post.archivedAt == null) { // an archived post is no longer counted
            countPosts(post.authorId, -1);
        }
        return files;
    }

    /** A deleted account's posts and their files go; so do its likes and saves (counters follow). */
    void onDeactivated(@Observes AccountEvents.Deactivated event) {
        long user = event.userId();
        media.deleteAfterCommit(filesOf(PostQueries.ALL_OF_AUTHOR_SQL, user));
        em.createNativeQuery("""
                        with gone as (delete from post_likes where user_id = :id returning post_id)
                        update posts p set like_count = p.like_count - g.n
                        from (select post_id, count(*) as n from gone group by post_id) g where p.id = g.post_id""")
                .setParameter("id", user).executeUpdate();
        em.createNativeQuery("delete from saved_posts where user_id = :id").setParameter("id", user).executeUpdate();
        em.createNativeQuery("delete from posts p where " + PostQueries.ALL_OF_AUTHOR_SQL).setParameter("id", user).executeUpdate();
        em.createNativeQuery("update users set posts_count = 0 where id = :id").setParameter("id", user)
                .executeUpdate();
    }

    private long insert(long author, String caption, TextEntities entities, List<StoredMedia> stored,
                        List<String> altTexts, PostSettings settings) {
        Post post = new Post();
        post.authorId = author;
        post.caption = caption;
        settings.applyTo(post);
        post.createdAt = Instant.now();
        post.persist();
        for (int i = 0; i < stored.size(); i++) {
            PostMedia.of(post.id, i, stored.get(i), altTexts.get(i)).persist();
        }
        countPosts(author, 1);
        events.fire(new PostEvents.CaptionWritten(author, post.id, tagging.captionWritten(post.id, entities)));
        events.fire(new PostEvents.Published(author, post.id));
        return post.id;
    }

    /**
     * The caller's own post, checked and locked in one statement; someone else's visible post is 403, an
     * invisible one 404.
     */
    Post ownPost(long viewer, long postId) {
        @SuppressWarnings("unchecked")
        List<Post> found = em.createNativeQuery("select p.* from posts p join users u on u.id = p.author_id"
                        + " where p.id = :id and " + PostQueries.VISIBLE_SQL + " for update of p", Post.class)
                .setParameter("id", postId).setParameter("viewer", viewer).getResultList();
        if (found.isEmpty()) {
            throw notFound();
        }
        Post post = found.get(0);
        if (post.authorId != viewer) {
            throw ApiException.forbidden("Only the author can change this post");
        }
        return post;
    }

    private List<String> filesOf(String condition, long id) {
        return MediaFiles.of(Rows.list(em.createNativeQuery("select m.file, m.thumbnail_file from post_media m "
                + "join posts p on p.id = m.post_id where " + condition, Tuple.class).setParameter("id", id)));
    }

    static ApiException notFound() {
        return ApiException.notFound("No such post");
    }
}
