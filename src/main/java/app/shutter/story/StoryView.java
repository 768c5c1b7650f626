package app.shutter.story;

import app.shutter.common.pagination.Keyset;
import app.shutter.media.MediaItem;
import app.shutter.media.MediaType;
import app.shutter.media.MediaUploads;
import app.shutter.user.UserSummary;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A story as every endpoint returns it. */
public record StoryView(long id, UserSummary author, MediaItem media, Instant createdAt, Instant expiresAt,
                        @Schema(description = "Whether the caller has viewed it (always true for one's own)")
                        boolean seen,
                        @Schema(description = "How many others viewed it; null unless the caller is the author")
                        Integer viewCount) {

    /** Columns of a live story row (story s, author u) for {@code :viewer}, ending with its position. */
    static final String COLUMNS = """
            s.id, u.id as author_id, u.username, u.name, u.avatar_url, u.is_private, s.type, s.file,
            s.thumbnail_file, s.width, s.height, s.duration_ms, s.created_at, s.expires_at,
            (s.author_id = :viewer or exists (select 1 from story_views v where v.story_id = s.id
                                              and v.viewer_id = :viewer)) as seen,
            case when s.author_id = :viewer then s.view_count end as view_count, s.created_at, s.id""";

    static StoryView of(Object[] row, MediaUploads media) {
        UserSummary author = UserSummary.of(row, 1);
        MediaItem item = media.item(MediaType.of((String) row[6]), (String) row[7], (String) row[8],
                ((Number) row[9]).intValue(), ((Number) row[10]).intValue(),
                row[11] == null ? null : ((Number) row[11]).longValue());
        return new StoryView(((Number) row[0]).longValue(), author, item, Keyset.instant(row[12]),
                Keyset.instant(row[13]), (Boolean) row[14], row[15] == null ? null : ((Number) row[15]).intValue());
    }
}
