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
                          UserSummary author, String text, int replyCount, int likeCount,
                          @Schema(description = "Whether the caller likes it") boolean likedByMe,
                          Instant createdAt) {

    /** Columns of a comment row (comment alias c, author alias u) for {@code :viewer}, with its {@link Keyset#key}. */
    static final String COLUMNS = "c.id, c.post_id, c.parent_id, c.text, c.reply_count, c.like_count, c.created_at, "
            + "exists (select 1 from comment_likes l where l.comment_id = c.id and l.user_id = :viewer) as liked, "
            + UserSummary.columns("u", "author_") + ", " + Keyset.key("c.created_at", "c.id");

    static CommentView of(Tuple row) {
        return new CommentView(Rows.id(row, "id"), Rows.id(row, "post_id"), Rows.idOrNull(row, "parent_id"),
                UserSummary.of(row, "author_"), Rows.text(row, "text"), Rows.count(row, "reply_count"),
                Rows.count(row, "like_count"), Rows.flag(row, "liked"), Rows.instant(row, "created_at"));
    }
}
