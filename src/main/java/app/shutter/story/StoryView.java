package app.shutter.story;

import app.shutter.common.pagination.Keyset;
import app.shutter.common.persistence.Rows;
import app.shutter.media.MediaItem;
import app.shutter.media.MediaUploads;
import app.shutter.user.UserSummary;
import jakarta.persistence.Tuple;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A story as every endpoint returns it. */
public record StoryView(long id, UserSummary author, MediaItem media, Instant createdAt, Instant expiresAt,
                        @Schema(description = "Whether the caller has viewed it (always true for one's own)")
                        boolean seen,
                        @Schema(description = "How many others viewed it; null unless the caller is the author")
                        Integer viewCount,
                        @Schema(description = "everyone, or close_friends: only the author's close friends see it")
                        StoryAudience audience) {

    /** Columns of a live story row (story s, author u) for {@code :viewer}, with its {@link Keyset#key}. */
    static final String COLUMNS = """
            s.id, %s, s.type, s.file, s.thumbnail_file, s.width, s.height, s.duration_ms, s.alt_text, s.blurhash, s.created_at,
            s.expires_at, s.audience,
            (s.author_id = :viewer or exists (select 1 from story_views v where v.story_id = s.id
                                              and v.viewer_id = :viewer)) as seen,
            case when s.author_id = :viewer then s.view_count end as view_count, %s"""
            .formatted(UserSummary.columns("u", "author_"), Keyset.key("s.created_at", "s.id"));

    static StoryView of(Tuple row, MediaUploads media) {
        return new StoryView(Rows.id(row, "id"), UserSummary.of(row, "author_"), media.item(row, null),
                Rows.instant(row, "created_at"), Rows.instant(row, "expires_at"), Rows.flag(row, "seen"),
                Rows.countOrNull(row, "view_count"), StoryAudience.of(Rows.text(row, "audience")));
    }
}
