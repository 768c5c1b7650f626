package app.shutter.post;

import app.shutter.media.MediaItem;
import app.shutter.user.UserSummary;

import java.time.Instant;
import java.util.List;

/** A post as every endpoint returns it. */
public record PostView(long id, UserSummary author, String caption, List<MediaItem> media, int likeCount,
                       int commentCount, boolean likedByMe, boolean savedByMe, Instant createdAt,
                       Instant editedAt) {
}
