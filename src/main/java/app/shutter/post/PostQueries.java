package app.shutter.post;

import app.shutter.common.error.ApiException;
import app.shutter.common.pagination.Keyset;
import app.shutter.common.pagination.Page;
import app.shutter.common.pagination.PageRequest;
import app.shutter.common.persistence.Rows;
import app.shutter.graph.Relationships;
import app.shutter.media.MediaItem;
import app.shutter.media.MediaUploads;
import app.shutter.user.UserSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Builds posts in their full shape with two statements whatever the page size: one for the posts with
 * their authors, counters and the caller's like/save flags, one for all their media.
 */
@ApplicationScoped
public class PostQueries {

    /** The columns of every post row (read by name); list queries add their {@link Keyset#key}. */
    public static final String POST_COLUMNS = """
            p.id, p.caption, p.comment_count, p.created_at, p.edited_at, p.sensitive, p.content_warning,
            p.hide_like_count, p.pinned_at is not null as pinned, p.archived_at, p.comment_policy, %s,
            case when p.hide_like_count and p.author_id <> :viewer then null else p.like_count end as like_count,
            exists (select 1 from post_likes l where l.post_id = p.id and l.user_id = :viewer) as liked,
            exists (select 1 from saved_posts s where s.post_id = p.id and s.user_id = :viewer) as saved"""
            .formatted(UserSummary.columns("u", "author_"));

    /** SQL: :viewer may see the post (alias p, its author u); see {@link #visibleSql}. */
    public static final String VISIBLE_SQL = visibleSql(":viewer");

    /**
     * SQL: the post (alias p) is not archived: what every list of posts shows, also to the author (who finds
     * archived posts in their archive). The indexes of those lists hold only such posts.
     */
    public static final String LISTED_SQL = "p.archived_at is null";

    /** The media of a page's posts, one statement per page (the benchmark's pgbench script runs it too). */
    public static final String MEDIA_SQL = """
            select id, post_id, type, file, thumbnail_file, width, height, duration_ms, alt_text, blurhash
            from post_media
            where post_id in (:ids) order by post_id, position""";

    /**
     * SQL: every post (alias p) of the account :id. Its two halves are what the two partial indexes by author hold
     * (listed and archived posts), so the planner reads both instead of the whole table.
     */
    static final String ALL_OF_AUTHOR_SQL = "p.author_id = :id and (p.archived_at is null or p.archived_at is not null)";

    /**
     * SQL: the user id expression {@code viewer} may see the post aliased {@code p} by its id: the author
     * (alias u) is active and lets them see their posts, and the post is not archived unless it is theirs.
     */
    public static String visibleSql(String viewer) {
        return Relationships.contentVisibleSql(viewer) + " and (p.archived_at is null or p.author_id = " + viewer + ")";
    }

    @Inject
    EntityManager em;

    @Inject
    MediaUploads media;

    /** The post if the viewer may see it. */
    public Optional<PostView> visible(long viewer, long postId) {
        List<Tuple> rows = Rows.list(em.createNativeQuery("select " + POST_COLUMNS
                        + " from posts p join users u on u.id = p.author_id where p.id = :id and " + VISIBLE_SQL,
                        Tuple.class)
                .setParameter("id", postId).setParameter("viewer", viewer));
        return views(rows).stream().findFirst();
    }

    /** One cheap check for endpoints that act on a post without returning it. */
    public boolean isVisible(long viewer, long postId) {
        return (Boolean) em.createNativeQuery("select exists (select 1 from posts p join users u on u.id = p.author_id"
                        + " where p.id = :id and " + VISIBLE_SQL + ")")
                .setParameter("id", postId).setParameter("viewer", viewer).getSingleResult();
    }

    /**
     * For a post the viewer may see (else empty), whether its author hides its likes from them: the visibility
     * check of {@link #isVisible} and the likers' rule in one statement.
     */
    public Optional<Boolean> likesHiddenFrom(long viewer, long postId) {
        List<?> hidden = em.createNativeQuery("select p.hide_like_count and p.author_id <> :viewer"
                        + " from posts p join users u on u.id = p.author_id where p.id = :id and " + VISIBLE_SQL)
                .setParameter("id", postId).setParameter("viewer", viewer).getResultList();
        return hidden.stream().map(Boolean.class::cast).findFirst();
    }

    /**
     * Whether {@code viewer} may comment on the post, and whether {@code text} holds one of the words its author
     * hides; empty when the viewer may not see the post. One statement.
     */
    Optional<CommentGate> commentGate(long viewer, long postId, String text) {
        List<Tuple> rows = Rows.list(em.createNativeQuery("select p.comment_policy, p.author_id, u.username, "
                        + Relationships.FOLLOWED_BY_VIEWER_SQL + " as follows, exists (select 1 from hidden_words h"
                        + " where h.user_id = p.author_id and shutter_fold(:text) ~ h.pattern) as hidden"
                        + " from posts p join users u on u.id = p.author_id where p.id = :id and " + VISIBLE_SQL,
                        Tuple.class)
                .setParameter("id", postId).setParameter("viewer", viewer).setParameter("text", text));
        return rows.stream().findFirst().map(row -> new CommentGate(Rows.text(row, "comment_policy"),
                Rows.id(row, "author_id"), Rows.text(row, "username"), Rows.flag(row, "follows"),
                Rows.flag(row, "hidden")));
    }

    /** A post's rule for a new comment (see {@link #commentGate}). */
    record CommentGate(String policy, long author, String authorName, boolean follows, boolean hiddenWords) {

        /** 403 unless the viewer may comment: the author always; others as the post's policy says. */
        void check(long viewer) {
            if (viewer == author) {
                return;
            }
            if (policy.equals("off")) {
                throw ApiException.forbidden("Comments are turned off for this post");
            }
            if (policy.equals("followers") && !follows) {
                throw ApiException.forbidden("Only accounts that follow " + authorName + " can comment on this post");
            }
        }

        /** The new comment is hidden from everyone but its author (not when the post's author writes it). */
        boolean hides(long viewer) {
            return hiddenWords && viewer != author;
        }
    }

    /**
     * A page of posts. {@code sql} selects {@link #POST_COLUMNS} and the {@link Keyset#key} columns and holds
     * a {@code %s} for the cursor predicate (see {@link Keyset}).
     */
    public Page<PostView> page(String sql, String keysetColumns, PageRequest page, long viewer,
                               Consumer<Query> parameters) {
        Query query = Keyset.query(em, sql, keysetColumns, page).setParameter("viewer", viewer);
        parameters.accept(query);
        return page(query, page);
    }

    /**
     * A page from a ready query (created with {@code Tuple.class}) whose rows are {@link #POST_COLUMNS} and
     * their {@link Keyset#key}.
     */
    public Page<PostView> page(Query query, PageRequest page) {
        return page(Rows.list(query), page, Keyset::position);
    }

    /** A page from rows read already, with a list's own cursor built from the page's last row. */
    public Page<PostView> page(List<Tuple> rows, PageRequest page, Function<Tuple, String> cursorOf) {
        return Page.ofAll(rows, page, cursorOf, this::views);
    }

    /** The owner's pinned posts, newest pin first (the caller checked that the viewer may see the owner's posts). */
    public List<PostView> pinned(long viewer, long owner) {
        return views(Rows.list(em.createNativeQuery("select " + POST_COLUMNS + """
                         from posts p join users u on u.id = p.author_id
                        where p.author_id = :owner and p.pinned_at is not null and p.archived_at is null order by p.pinned_at desc, p.id desc""",
                        Tuple.class).setParameter("owner", owner).setParameter("viewer", viewer)));
    }

    private List<PostView> views(List<Tuple> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<MediaItem>> mediaByPost = mediaOf(rows.stream().map(row -> Rows.id(row, "id")).toList());
        List<PostView> views = new ArrayList<>(rows.size());
        for (Tuple row : rows) {
            long id = Rows.id(row, "id");
            views.add(new PostView(id, UserSummary.of(row, "author_"), Rows.text(row, "caption"),
                    mediaByPost.getOrDefault(id, List.of()), Rows.countOrNull(row, "like_count"),
                    Rows.count(row, "comment_count"), Rows.flag(row, "liked"), Rows.flag(row, "saved"),
                    Rows.instant(row, "created_at"), Rows.instant(row, "edited_at"), Rows.flag(row, "sensitive"),
                    Rows.text(row, "content_warning"), Rows.flag(row, "hide_like_count"), Rows.flag(row, "pinned"),
                    Rows.instant(row, "archived_at"), Rows.text(row, "comment_policy")));
        }
        return views;
    }

    private Map<Long, List<MediaItem>> mediaOf(List<Long> postIds) {
        List<Tuple> rows = Rows.list(em.createNativeQuery(MEDIA_SQL, Tuple.class).setParameter("ids", postIds));
        Map<Long, List<MediaItem>> byPost = new HashMap<>();
        for (Tuple row : rows) {
            byPost.computeIfAbsent(Rows.id(row, "post_id"), id -> new ArrayList<>()).add(media.item(row, Rows.id(row, "id")));
        }
        return byPost;
    }
}
