package app.shutter.notification;

import app.shutter.common.pagination.Keyset;
import app.shutter.media.MediaStorage;
import app.shutter.user.UserSummary;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A notification as the list and the stream return it (the stream serializes it outside a REST method). */
@RegisterForReflection(targets = {NotificationView.class, NotificationView.PostRef.class,
        NotificationView.CommentRef.class, UserSummary.class})
public record NotificationView(long id,
                               @Schema(enumeration = {"like", "comment", "reply", "mention", "follow",
                                       "follow_request", "follow_accepted", "message"})
                               NotificationType type, UserSummary actor, PostRef post, CommentRef comment,
                               Instant createdAt, boolean read) {

    public record PostRef(long id, String thumbnailUrl) {
    }

    public record CommentRef(long id, String text) {
    }

    /**
     * Columns of a notification row (n, actor a, comment c) in the order {@link #of} reads them, then its
     * stream position (seq) and its list position (created_at, id).
     */
    static final String COLUMNS = """
            n.id, n.type, a.id as actor_id, a.username, a.name, a.avatar_url, a.is_private, n.post_id,
            (select coalesce(m.thumbnail_file, m.file) from post_media m where m.post_id = n.post_id
             order by m.position limit 1) as thumbnail, n.comment_id, c.text, n.read_at, n.seq,
            n.created_at, n.id as position_id""";

    static NotificationView of(Object[] row, MediaStorage storage) {
        UserSummary actor = UserSummary.of(row, 2);
        PostRef post = row[7] == null ? null
                : new PostRef(((Number) row[7]).longValue(), row[8] == null ? null : storage.url((String) row[8]));
        CommentRef comment = row[9] == null ? null : new CommentRef(((Number) row[9]).longValue(), (String) row[10]);
        return new NotificationView(((Number) row[0]).longValue(), NotificationType.of((String) row[1]), actor, post,
                comment, Keyset.instant(row[13]), row[11] != null);
    }

    static long seqOf(Object[] row) {
        return ((Number) row[12]).longValue();
    }
}
