package app.shutter.notification;

import app.shutter.common.pagination.Keyset;
import app.shutter.common.persistence.Rows;
import app.shutter.media.MediaStorage;
import app.shutter.user.UserSummary;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.persistence.Tuple;
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
     * Columns of a notification row (n, actor a, comment c) as {@link #of} reads them, with its stream
     * position ({@code seq}) and its list position ({@link Keyset#key}).
     */
    static final String COLUMNS = """
            n.id, n.type, %s, n.post_id,
            (select coalesce(m.thumbnail_file, m.file) from post_media m where m.post_id = n.post_id
             order by m.position limit 1) as thumbnail, n.comment_id, c.text as comment_text, n.read_at, n.seq,
            n.created_at, %s""".formatted(UserSummary.columns("a", "actor_"), Keyset.key("n.created_at", "n.id"));

    static NotificationView of(Tuple row, MediaStorage storage) {
        Long postId = Rows.idOrNull(row, "post_id");
        PostRef post = postId == null ? null : new PostRef(postId, storage.url(Rows.text(row, "thumbnail")));
        Long commentId = Rows.idOrNull(row, "comment_id");
        CommentRef comment = commentId == null ? null : new CommentRef(commentId, Rows.text(row, "comment_text"));
        return new NotificationView(Rows.id(row, "id"), NotificationType.of(Rows.text(row, "type")),
                UserSummary.of(row, "actor_"), post, comment, Rows.instant(row, "created_at"),
                !Rows.isNull(row, "read_at"));
    }

    static long seqOf(Tuple row) {
        return Rows.id(row, "seq");
    }
}
