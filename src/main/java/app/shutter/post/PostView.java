package app.shutter.post;

import app.shutter.media.MediaItem;
import app.shutter.user.UserSummary;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** A post as every endpoint returns it. */
public record PostView(long id, UserSummary author, String caption, List<MediaItem> media,
                       @Schema(description = "Null for everyone but the author when the author hides it")
                       Integer likeCount,
                       int commentCount, boolean likedByMe, boolean savedByMe, Instant createdAt,
                       Instant editedAt,
                       @Schema(description = "Show it behind a warning first") boolean sensitive,
                       @Schema(description = "The warning's text; null for a generic one or none") String contentWarning,
                       @Schema(description = "The author hides the like count and the likers") boolean likeCountHidden,
                       @Schema(description = "Pinned to the top of its author's profile") boolean pinned,
                       @Schema(description = "When its author archived it (only they see it then); null if not")
                       Instant archivedAt,
                       @Schema(description = "Who may comment", enumeration = {"everyone", "followers", "off"})
                       String commentPolicy) {
}
