package app.shutter.post;

import app.shutter.common.pagination.Keyset;
import app.shutter.common.pagination.Page;
import app.shutter.common.pagination.PageRequest;
import app.shutter.common.persistence.Rows;
import app.shutter.media.MediaItem;
import app.shutter.media.MediaType;
import app.shutter.media.MediaUploads;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Earlier versions of posts. An edit that changes the caption, the media or their alt texts first copies the
 * post as it is into {@code post_versions}: the caption and, per media item, its id, kind, size and alt text. No
 * file names: a removed item's files are deleted, and the URLs of items still in the post come from the post.
 */
@ApplicationScoped
public class PostHistory {

    /** How a version remembers one media item (JSON in post_versions.media). */
    @RegisterForReflection // read by Jackson outside the REST layer, also in a native image
    record Item(long id, String type, int width, int height, Long durationMs, String altText) {
    }

    @Inject
    PostQueries queries;

    @Inject
    MediaUploads media;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /**
     * Copies the post as it is now (before the edit's changes are written) into its history.
     *
     * @param replacedAt the time of the edit (the post's new editedAt)
     */
    void record(long postId, Instant replacedAt) {
        em.createNativeQuery("""
                        insert into post_versions (post_id, caption, media, created_at, replaced_at)
                        select p.id, p.caption,
                               (select jsonb_agg(jsonb_build_object('id', m.id, 'type', m.type, 'width', m.width,
                                                                    'height', m.height, 'durationMs', m.duration_ms,
                                                                    'altText', m.alt_text) order by m.position)
                                from post_media m where m.post_id = p.id),
                               coalesce(p.edited_at, p.created_at), :replacedAt
                        from posts p where p.id = :id""")
                .setParameter("id", postId).setParameter("replacedAt", replacedAt).executeUpdate();
    }

    /** A page of the post's earlier versions, newest first, for anyone who may see the post (else 404). */
    @Transactional
    public Page<PostVersionView> list(long viewer, long postId, PageRequest page) {
        if (!queries.isVisible(viewer, postId)) {
            throw PostService.notFound();
        }
        List<Tuple> rows = Rows.list(Keyset.query(em, "select v.caption, cast(v.media as text) as media,"
                        + " v.created_at, v.replaced_at, " + Keyset.key("v.replaced_at", "v.id")
                        + " from post_versions v where v.post_id = :post %s order by v.replaced_at desc, v.id desc",
                "(v.replaced_at, v.id)", page).setParameter("post", postId));
        Map<Long, MediaItem> current = rows.isEmpty() ? Map.of() : current(postId);
        return Page.of(rows, page, Keyset::position, row -> new PostVersionView(Rows.text(row, "caption"),
                items(Rows.text(row, "media")).stream().map(item -> asOf(item, current.get(item.id()))).toList(),
                Rows.instant(row, "created_at"), Rows.instant(row, "replaced_at")));
    }

    /** The post's media items now, by id. */
    private Map<Long, MediaItem> current(long postId) {
        List<Tuple> rows = Rows.list(em.createNativeQuery("select id, type, file, thumbnail_file, width, height,"
                + " duration_ms, alt_text, blurhash from post_media where post_id = :post", Tuple.class).setParameter("post", postId));
        return rows.stream().map(row -> media.item(row, Rows.id(row, "id")))
                .collect(Collectors.toMap(MediaItem::id, Function.identity()));
    }

    /** A remembered item with the URLs of the post's item of that id, none if it was removed since. */
    private static MediaItem asOf(Item item, MediaItem now) {
        return new MediaItem(item.id(), now == null ? null : now.url(), now == null ? null : now.thumbnailUrl(),
                MediaType.of(item.type()), item.width(), item.height(),
                item.durationMs() == null ? null : item.durationMs() / 1000.0, item.altText(),
                now == null ? null : now.blurhash());
    }

    private List<Item> items(String stored) {
        try {
            return json.readValue(stored, new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("post_versions.media is not the JSON this class writes", e);
        }
    }
}
