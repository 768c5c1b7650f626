package app.shutter.post;

import app.shutter.common.pagination.Keyset;
import app.shutter.common.persistence.Rows;
import app.shutter.user.UserSummary;
import jakarta.persistence.Tuple;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A comment or reply as every endpoint returns it. */
public record CommentView(long id, long postId,
                          @Schema(description = "The top-level comment this replies to; null for a top-level comment")
                          Long parentId,
                          UserSummary author, String text, int replyCount, Instant createdAt) {

    /** Columns of a comment row (comment alias c, author alias u) with its {@link Keyset#key}. */
    static final String COLUMNS = "c.id, c.post_id, c.parent_id, c.text, c.reply_count, c.created_at, "
            + UserSummary.columns("u", "author_") + ", " + Keyset.key("c.created_at", "c.id");

    static CommentView of(Tuple row) {
        return new CommentView(Rows.id(row, "id"), Rows.id(row, "post_id"), Rows.idOrNull(row, "parent_id"),
                UserSummary.of(row, "author_"), Rows.text(row, "text"), Rows.count(row, "reply_count"),
                Rows.instant(row, "created_at"));
    }
}
