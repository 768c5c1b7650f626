package app.shutter.post;

import app.shutter.common.security.ActionLimits;
import app.shutter.common.error.ApiException;
import app.shutter.common.pagination.Keyset;
import app.shutter.common.pagination.Page;
import app.shutter.common.pagination.PageRequest;
import app.shutter.common.persistence.Rows;
import app.shutter.graph.Relationships;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Comments and their one level of replies. Every change takes the post's row lock first (the counter
 * update), then the parent's, so concurrent comments, replies and deletions queue instead of deadlocking,
 * and comment_count (replies included) and reply_count stay exact.
 */
@ApplicationScoped
public class CommentService {

    /** A comment row the viewer may see: its post is visible and its author is active and not blocked. */
    private static final String FROM_VISIBLE = " " + """
            from comments c join users a on a.id = c.author_id join posts p on p.id = c.post_id
            join users u on u.id = p.author_id
            where c.id = :comment and a.hidden_at is null and %s and %s
              and (not c.hidden_by_words or c.author_id = :viewer)"""
            .formatted(Relationships.notBlockedSql("a"), PostQueries.VISIBLE_SQL);

    private static final String LIST = "select " + CommentView.COLUMNS
            + " from comments c join users u on u.id = c.author_id where %s and u.hidden_at is null and "
            + Relationships.NOT_BLOCKED_SQL + " and (not c.hidden_by_words or c.author_id = :viewer)"
            + " %%s order by c.created_at, c.id";

    @Inject
    PostQueries posts;

    @Inject
    PostTagging tagging;

    @Inject
    EntityManager em;

    @Inject
    ActionLimits limits;

    @Inject
    Event<Object> events;

    @Transactional
    /** @param inTransaction runs with the new comment in the transaction that creates it */
    public CommentView create(long viewer, long postId, PostRequests.NewComment request,
                              Consumer<CommentView> inTransaction) {
        PostQueries.CommentGate gate = posts.commentGate(viewer, postId, request.text())
                .orElseThrow(PostService::notFound);
        gate.check(viewer);
        limits.count(viewer, ActionLimits.Action.COMMENT);
        TextEntities entities = TextEntities.parse(request.text(), "text");
        ReplyTarget repliedTo = request.parentId() == null ? null : repliedTo(viewer, postId, request.parentId());
        Long parent = repliedTo == null ? null : repliedTo.topLevelId();
        List<?> postAuthor = em.createNativeQuery("update posts set comment_count = comment_count + 1 where id = :post"
                + " returning author_id").setParameter("post", postId).getResultList();
        if (postAuthor.isEmpty()) {
            throw PostService.notFound();
        }
        if (parent != null && em.createNativeQuery("update comments set reply_count = reply_count + 1 where id = :id")
                .setParameter("id", parent).executeUpdate() == 0) {
            throw noSuchParent();
        }
        Comment comment = new Comment();
        comment.postId = postId;
        comment.parentId = parent;
        comment.authorId = viewer;
        comment.text = request.text();
        comment.createdAt = Instant.now();
        comment.hiddenByWords = gate.hides(viewer);
        comment.persist();
        em.flush();
        long author = ((Number) postAuthor.get(0)).longValue();
        List<Long> mentioned = tagging.commentWritten(comment.id, postId, author == viewer, entities);
        if (!comment.hiddenByWords) { // a hidden comment notifies nobody: only its author may see it
            events.fire(new PostEvents.Commented(viewer, postId, author, comment.id,
                    repliedTo == null ? null : repliedTo.repliedToAuthor(), mentioned));
        }
        CommentView created = view(viewer, comment.id);
        inTransaction.accept(created);
        return created;
    }

    @Transactional
    public CommentView comment(long viewer, long commentId) {
        if (!isVisible(viewer, commentId)) {
            throw notFound();
        }
        return view(viewer, commentId);
    }

    /** A post's top-level comments, oldest first. */
    @Transactional
    public Page<CommentView> comments(long viewer, long postId, PageRequest page) {
        if (!posts.isVisible(viewer, postId)) {
            throw PostService.notFound();
        }
        return list(LIST.formatted("c.post_id = :parent and c.parent_id is null"), postId, viewer, page);
    }

    /** A comment's replies, oldest first. */
    @Transactional
    public Page<CommentView> replies(long viewer, long commentId, PageRequest page) {
        if (!isVisible(viewer, commentId)) {
            throw notFound();
        }
        return list(LIST.formatted("c.parent_id = :parent"), commentId, viewer, page);
    }

    /** A moderator's removal: the comment goes with its replies, as its post's author's delete takes it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean remove(long commentId) {
        List<Tuple> found = Rows.list(em.createNativeQuery("select p.author_id from comments c"
                + " join posts p on p.id = c.post_id where c.id = :comment", Tuple.class)
                .setParameter("comment", commentId));
        if (found.isEmpty()) {
            return false;
        }
        delete(Rows.id(found.get(0), "author_id"), commentId);
        return true;
    }

    /** By the comment's author or the post's author; its replies go with it. */
    @Transactional
    public void delete(long viewer, long commentId) {
        List<Tuple> found = Rows.list(em.createNativeQuery("select c.post_id, c.parent_id, c.author_id,"
                        + " p.author_id as post_author"
                        + " from comments c join posts p on p.id = c.post_id join users u on u.id = p.author_id"
                        + " where c.id = :comment and " + PostQueries.VISIBLE_SQL, Tuple.class)
                .setParameter("comment", commentId).setParameter("viewer", viewer));
        if (found.isEmpty()) {
            throw notFound();
        }
        Tuple row = found.get(0);
        long postId = Rows.id(row, "post_id");
        Long parentId = Rows.idOrNull(row, "parent_id");
        if (Rows.id(row, "author_id") != viewer && Rows.id(row, "post_author") != viewer) {
            if (!isVisible(viewer, commentId)) {
                throw notFound();
            }
            throw ApiException.forbidden("Only the comment's author or the post's author can delete it");
        }
        // the post's lock first, as creation takes it, before any comment row is touched
        em.createNativeQuery("select id from posts where id = :post for no key update").setParameter("post", postId)
                .getResultList();
        // under the post's lock a concurrent delete of the same comment has committed: then nothing is gone,
        // no counter moves and this one answers 404 (exactly one of them deletes)
        List<?> gone = em.createNativeQuery("""
                        with gone as (delete from comments where id = :comment or parent_id = :comment
                                      returning id, author_id)
                        update posts p set comment_count = p.comment_count - (select count(*) from gone)
                        where p.id = :post and exists (select 1 from gone where gone.id = :comment)
                        returning (select count(*) from gone where gone.author_id = p.author_id)""")
                .setParameter("post", postId).setParameter("comment", commentId).getResultList();
        if (gone.isEmpty()) {
            throw notFound();
        }
        Number authorCommentsGone = (Number) gone.get(0);
        if (parentId != null) {
            em.createNativeQuery("update comments set reply_count = reply_count - 1 where id = :id")
                    .setParameter("id", parentId).executeUpdate();
        }
        if (authorCommentsGone.longValue() > 0) {
            tagging.authorCommentsDeleted(postId);
        }
    }

    /** Whether the comment exists and the viewer may see it (its post, its author, hidden words). */
    boolean isVisible(long viewer, long commentId) {
        return (Boolean) em.createNativeQuery("select exists (select 1" + FROM_VISIBLE + ")")
                .setParameter("comment", commentId).setParameter("viewer", viewer).getSingleResult();
    }

    private Page<CommentView> list(String sql, long parent, long viewer, PageRequest page) {
        List<Tuple> rows = Rows.list(Keyset.ascending(em, sql, "(c.created_at, c.id)", page)
                .setParameter("parent", parent).setParameter("viewer", viewer));
        return Page.of(rows, page, Keyset::position, CommentView::of);
    }

    /**
     * The comment a new reply answers: the top-level comment the reply joins (the parent itself, or the
     * parent's own parent) and the replied-to comment's author.
     */
    private record ReplyTarget(long topLevelId, long repliedToAuthor) {
    }

    private ReplyTarget repliedTo(long viewer, long postId, long parentId) {
        List<Tuple> thread = Rows.list(em.createNativeQuery("select coalesce(c.parent_id, c.id) as top_level_id,"
                        + " c.author_id" + FROM_VISIBLE + " and c.post_id = :post", Tuple.class)
                .setParameter("comment", parentId).setParameter("post", postId).setParameter("viewer", viewer));
        if (thread.isEmpty()) {
            throw noSuchParent();
        }
        return new ReplyTarget(Rows.id(thread.get(0), "top_level_id"), Rows.id(thread.get(0), "author_id"));
    }

    private CommentView view(long viewer, long commentId) {
        return CommentView.of(Rows.single(em.createNativeQuery("select " + CommentView.COLUMNS
                        + " from comments c join users u on u.id = c.author_id where c.id = :id", Tuple.class)
                .setParameter("id", commentId).setParameter("viewer", viewer)));
    }

    private static ApiException noSuchParent() {
        return ApiException.invalidField("parentId", "is not a comment on this post");
    }

    static ApiException notFound() {
        return ApiException.notFound("No such comment");
    }
}
