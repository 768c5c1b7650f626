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
        NotificationView.CommentRef.class, NotificationView.Notice.class, UserSummary.class})
public record NotificationView(long id,
                               @Schema(enumeration = {"like", "comment", "reply", "mention", "follow",
                                       "follow_request", "follow_accepted", "message", "comment_like", "post", "report_outcome", "warning",
                                       "suspension", "content_removed"})
                               NotificationType type,
                               @Schema(description = "Who did it; null for notices from Shutter itself") UserSummary actor,
                               PostRef post, CommentRef comment,
                               @Schema(description = "What a notice from Shutter says; null for the others") Notice notice,
                               Instant createdAt, boolean read) {

    public record PostRef(long id, String thumbnailUrl) {
    }

    public record CommentRef(long id, String text) {
    }

    /**
     * A notice from Shutter: what it is about ({@code targetKind}, {@code targetId}; for a reporter also their
     * {@code reportId}), the decision ({@code outcome}), the moderator's words to the account acted on
     * ({@code reason}) and when a suspension ends ({@code endsAt}, null when indefinite).
     */
    public record Notice(@Schema(enumeration = {"post", "comment", "story", "account", "message"}) String targetKind,
                         Long targetId, Long reportId,
                         @Schema(enumeration = {"dismissed", "warned", "removed", "suspended"}) String outcome,
                         String reason, Instant endsAt) {
    }

    /**
     * Columns of a notification row (n, actor a, comment c) as {@link #of} reads them, with its stream
     * position ({@code seq}) and its list position ({@link Keyset#key}).
     */
    static final String COLUMNS = """
            n.id, n.type, %s, n.post_id,
            (select coalesce(m.thumbnail_file, m.file) from post_media m where m.post_id = n.post_id
             order by m.position limit 1) as thumbnail, n.comment_id, c.text as comment_text, n.read_at, n.seq,
            n.created_at, n.target_kind, n.target_id, n.report_id, n.outcome, n.reason, n.ends_at,
            %s""".formatted(UserSummary.columns("a", "actor_"), Keyset.key("n.created_at", "n.id"));

    static NotificationView of(Tuple row, MediaStorage storage) {
        Long postId = Rows.idOrNull(row, "post_id");
        PostRef post = postId == null ? null : new PostRef(postId, storage.url(Rows.text(row, "thumbnail")));
        Long commentId = Rows.idOrNull(row, "comment_id");
        CommentRef comment = commentId == null ? null : new CommentRef(commentId, Rows.text(row, "comment_text"));
        boolean fromShutter = Rows.isNull(row, "actor_id"); // the actor's id (left join): none for a notice
        Notice notice = fromShutter ? new Notice(Rows.text(row, "target_kind"), Rows.idOrNull(row, "target_id"),
                Rows.idOrNull(row, "report_id"), Rows.text(row, "outcome"), Rows.text(row, "reason"),
                Rows.instant(row, "ends_at")) : null;
        return new NotificationView(Rows.id(row, "id"), NotificationType.of(Rows.text(row, "type")),
                fromShutter ? null : UserSummary.of(row, "actor_"), post, comment, notice,
                Rows.instant(row, "created_at"), !Rows.isNull(row, "read_at"));
    }

    static long seqOf(Tuple row) {
        return Rows.id(row, "seq");
    }
}
