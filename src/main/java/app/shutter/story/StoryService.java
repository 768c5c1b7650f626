package app.shutter.story;

import app.shutter.common.error.ApiException;
import app.shutter.common.pagination.Keyset;
import app.shutter.common.pagination.Page;
import app.shutter.common.pagination.PageRequest;
import app.shutter.common.persistence.Rows;
import app.shutter.graph.CloseFriends;
import app.shutter.graph.GraphItems;
import app.shutter.graph.GraphService;
import app.shutter.graph.Relationships;
import app.shutter.media.AltTexts;
import app.shutter.media.MediaPurpose;
import app.shutter.media.MediaDeletions;
import app.shutter.media.MediaUploads;
import app.shutter.media.StoredMedia;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Posting, reading, viewing and deleting stories. Every read filters on expires_at, so a story is gone the
 * moment it expires, whenever the cleanup job gets to its row.
 */
@ApplicationScoped
public class StoryService {

    public static final String MEDIA_PART = "media";

    /** SQL: the story (s) is for :viewer's eyes as far as its audience goes (close friends only, or everyone). */
    public static final String IN_AUDIENCE = "(s.audience = 'everyone' or s.author_id = :viewer or "
            + CloseFriends.includesSql("s.author_id", ":viewer") + ")";

    /** A live story (s) whose author (u) :viewer may see, in an audience :viewer is part of. */
    static final String LIVE_AND_VISIBLE = " from stories s join users u on u.id = s.author_id"
            + " where s.expires_at > now() and " + Relationships.contentVisibleSql(":viewer") + " and " + IN_AUDIENCE;

    /** SQL after a WITH (or another CTE and a comma): :viewer has viewed :story, counted once. */
    static final String RECORD_VIEW = """
            added as (insert into story_views (story_id, viewer_id) values (:story, :viewer)
                        on conflict do nothing returning 1)
            update stories set view_count = view_count + (select count(*) from added) where id = :story""";

    @Inject
    MediaUploads media;

    @Inject
    MediaDeletions deletions;

    @Inject
    StoryConfig config;

    @Inject
    GraphService graph;

    @Inject
    EntityManager em;

    /** @param inTransaction runs with the new story in the transaction that creates it */
    public StoryView create(long author, List<FileUpload> uploads, List<String> altTexts, String audiencePart,
                            Consumer<StoryView> inTransaction) {
        StoryAudience audience = StoryAudience.ofPart(audiencePart);
        if (uploads == null || uploads.size() != 1) {
            throw ApiException.invalidField(MEDIA_PART, "exactly one photo or video is required, as a multipart"
                    + " file part named " + MEDIA_PART);
        }
        String altText = AltTexts.of(altTexts, 1).get(0);
        StoredMedia stored = media.store(uploads.get(0), MediaPurpose.STORY, MEDIA_PART);
        return media.commit(List.of(stored), () -> {
            Instant now = Instant.now();
            Story story = Story.of(author, stored, altText, audience, now, now.plus(config.lifetime()));
            story.persist();
            em.flush();
            StoryView created = story(author, story.id);
            inTransaction.accept(created);
            return created;
        });
    }

    /**
     * The author of a live story the viewer may see and reply to; 404 for an invisible one, 400 for one's own.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long replyTarget(long viewer, long id) {
        Story story = visibleStory(viewer, id);
        if (story.authorId == viewer) {
            throw ApiException.badRequest("You cannot reply to your own story");
        }
        return story.authorId;
    }

    @Transactional
    public StoryView story(long viewer, long id) {
        return visible(viewer, id).orElseThrow(StoryService::notFound);
    }

    /** A user's live stories, oldest first. */
    @Transactional
    public Page<StoryView> ofUser(long viewer, String username, PageRequest page) {
        long owner = graph.contentOwner(viewer, username, "stories").id;
        List<Tuple> rows = Rows.list(Keyset.ascending(em, "select " + StoryView.COLUMNS + LIVE_AND_VISIBLE
                        + " and s.author_id = :owner %s order by s.created_at, s.id", "(s.created_at, s.id)", page)
                .setParameter("viewer", viewer).setParameter("owner", owner));
        return Page.of(rows, page, Keyset::position, row -> StoryView.of(row, media));
    }

    /** Idempotent; the author's own views do not count. */
    @Transactional
    public void view(long viewer, long id) {
        Story story = visibleStory(viewer, id);
        if (story.authorId == viewer) {
            return;
        }
        em.createNativeQuery("with " + RECORD_VIEW).setParameter("story", id).setParameter("viewer", viewer).executeUpdate();
    }

    /** Who viewed the story, newest first: the author only. */
    @Transactional
    public Page<Viewer> viewers(long viewer, long id, PageRequest page) {
        ownStory(viewer, id);
        List<Tuple> rows = Rows.list(Keyset.query(em, """
                        select %s, v.viewed_at, r.emoji, v.viewed_at as key_at, v.viewer_id as key_id
                        from story_views v join users u on u.id = v.viewer_id
                        left join story_reactions r on r.story_id = v.story_id and r.user_id = v.viewer_id
                        where v.story_id = :story and u.hidden_at is null and %s %%s
                        order by v.viewed_at desc, v.viewer_id desc""".formatted(GraphItems.UserItem.COLUMNS,
                        Relationships.NOT_BLOCKED_SQL), "(v.viewed_at, v.viewer_id)", page)
                .setParameter("story", id).setParameter("viewer", viewer));
        return Page.of(rows, page, Keyset::position,
                row -> new Viewer(GraphItems.UserItem.of(row), Rows.instant(row, "viewed_at"),
                        Rows.text(row, "emoji")));
    }

    @Transactional
    public void delete(long viewer, long id) {
        Story story = ownStory(viewer, id);
        // one statement that counts: of concurrent deletes of one story exactly one removes the row, the
        // others find nothing to remove and answer 404 (Hibernate's entity delete would fail them with a 500)
        int deleted = em.createNativeQuery("delete from stories where id = :id").setParameter("id", id)
                .executeUpdate();
        if (deleted == 0) {
            throw notFound();
        }
        media.deleteAfterCommit(story.media.files());
    }

    /** A moderator's removal: the story goes at once; its file stays for the grace period. False if gone. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean remove(long id) {
        Story story = Story.findById(id);
        if (story == null
                || em.createNativeQuery("delete from stories where id = :id").setParameter("id", id).executeUpdate() == 0) {
            return false;
        }
        deletions.deleteAfterGrace(story.media.files());
        return true;
    }

    public record Viewer(GraphItems.UserItem user, Instant viewedAt,
                         @Schema(description = "Their reaction to the story; null when they sent none") String reaction) {
    }

    private java.util.Optional<StoryView> visible(long viewer, long id) {
        List<Tuple> rows = Rows.list(em.createNativeQuery("select " + StoryView.COLUMNS + LIVE_AND_VISIBLE
                + " and s.id = :id", Tuple.class).setParameter("viewer", viewer).setParameter("id", id));
        return rows.stream().findFirst().map(row -> StoryView.of(row, media));
    }

    /** The live story if the viewer may see it, loaded and checked in one statement. */
    Story visibleStory(long viewer, long id) {
        @SuppressWarnings("unchecked")
        List<Story> found = em.createNativeQuery("select s.*" + LIVE_AND_VISIBLE + " and s.id = :id", Story.class)
                .setParameter("viewer", viewer).setParameter("id", id).getResultList();
        if (found.isEmpty()) {
            throw notFound();
        }
        return found.get(0);
    }

    private Story ownStory(long viewer, long id) {
        Story story = visibleStory(viewer, id);
        if (story.authorId != viewer) {
            throw ApiException.forbidden("Only the author can do this with a story");
        }
        return story;
    }

    static ApiException notFound() {
        return ApiException.notFound("No such story");
    }
}
