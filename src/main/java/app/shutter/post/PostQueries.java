package app.shutter.post;

import app.shutter.common.pagination.Keyset;
import app.shutter.common.pagination.Page;
import app.shutter.common.pagination.PageRequest;
import app.shutter.graph.Relationships;
import app.shutter.media.MediaItem;
import app.shutter.media.MediaType;
import app.shutter.media.MediaUploads;
import app.shutter.user.UserSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Builds posts in their full shape with two statements whatever the page size: one for the posts with
 * their authors, counters and the caller's like/save flags, one for all their media.
 */
@ApplicationScoped
public class PostQueries {

    /** Columns 0-12 of every post row; list queries append their keyset position (time, id). */
    public static final String POST_COLUMNS = """
            p.id, p.caption, p.like_count, p.comment_count, p.created_at, p.edited_at,
            u.id as author_id, u.username, u.name, u.avatar_url, u.is_private,
            exists (select 1 from post_likes l where l.post_id = p.id and l.user_id = :viewer) as liked,
            exists (select 1 from saved_posts s where s.post_id = p.id and s.user_id = :viewer) as saved""";

    /** SQL: the author (alias u) is active and :viewer may see their posts. */
    public static final String VISIBLE_SQL = Relationships.contentVisibleSql(":viewer");

    @Inject
    EntityManager em;

    @Inject
    MediaUploads media;

    /** The post if the viewer may see it. */
    public Optional<PostView> visible(long viewer, long postId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + POST_COLUMNS
                        + " from posts p join users u on u.id = p.author_id where p.id = :id and " + VISIBLE_SQL)
                .setParameter("id", postId).setParameter("viewer", viewer).getResultList();
        return views(rows).stream().findFirst();
    }

    /** One cheap check for endpoints that act on a post without returning it. */
    public boolean isVisible(long viewer, long postId) {
        return (Boolean) em.createNativeQuery("select exists (select 1 from posts p join users u on u.id = p.author_id"
                        + " where p.id = :id and " + VISIBLE_SQL + ")")
                .setParameter("id", postId).setParameter("viewer", viewer).getSingleResult();
    }

    /**
     * A page of posts. {@code sql} selects {@link #POST_COLUMNS} plus the keyset columns last and holds a
     * {@code %s} for the cursor predicate (see {@link Keyset}).
     */
    public Page<PostView> page(String sql, String keysetColumns, PageRequest page, long viewer,
                               Consumer<Query> parameters) {
        Query query = Keyset.query(em, sql, keysetColumns, page).setParameter("viewer", viewer);
        parameters.accept(query);
        return page(query, page);
    }

    /** A page from a ready query whose rows are {@link #POST_COLUMNS} then their position (time, id). */
    public Page<PostView> page(Query query, PageRequest page) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return Page.ofAll(rows, page, Keyset::position, this::views);
    }

    private List<PostView> views(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<MediaItem>> mediaByPost = mediaOf(rows.stream().map(row -> ((Number) row[0]).longValue())
                .toList());
        List<PostView> views = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            long id = ((Number) row[0]).longValue();
            UserSummary author = UserSummary.of(row, 6);
            views.add(new PostView(id, author, (String) row[1], mediaByPost.getOrDefault(id, List.of()),
                    ((Number) row[2]).intValue(), ((Number) row[3]).intValue(), (Boolean) row[11], (Boolean) row[12],
                    Keyset.instant(row[4]), Keyset.instant(row[5])));
        }
        return views;
    }

    private Map<Long, List<MediaItem>> mediaOf(List<Long> postIds) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select post_id, type, file, thumbnail_file, width, height, duration_ms from post_media
                        where post_id in (:ids) order by post_id, position""")
                .setParameter("ids", postIds).getResultList();
        Map<Long, List<MediaItem>> byPost = new HashMap<>();
        for (Object[] row : rows) {
            byPost.computeIfAbsent(((Number) row[0]).longValue(), id -> new ArrayList<>())
                    .add(media.item(MediaType.of((String) row[1]), (String) row[2], (String) row[3],
                            ((Number) row[4]).intValue(), ((Number) row[5]).intValue(),
                            row[6] == null ? null : ((Number) row[6]).longValue()));
        }
        return byPost;
    }
}
