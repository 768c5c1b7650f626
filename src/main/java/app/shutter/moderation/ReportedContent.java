package app.shutter.moderation;

import app.shutter.media.MediaItem;
import app.shutter.user.UserSummary;

import java.time.Instant;
import java.util.List;

/**
 * What a reported object was when its case opened (stored with the case as JSON), so moderators see it even
 * once it is hidden, edited or deleted. {@code text}: a caption, comment, message or bio.
 */
public record ReportedContent(UserSummary owner, String text, List<MediaItem> media, Instant createdAt) {
}
