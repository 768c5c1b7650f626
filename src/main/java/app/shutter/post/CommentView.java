package app.shutter.post;

import app.shutter.common.pagination.Keyset;
import app.shutter.user.UserSummary;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A comment or reply as every endpoint returns it. */
public record CommentView(long id, long postId,
                          @Schema(description = "The top-level comment this replies to; null for a top-level comment")
                          Long parentId,
                          UserSummary author, String text, int replyCount, Instant createdAt) {

    /** Columns of a comment row (comment alias c, author alias u) ending with its keyset position. */
    static final String COLUMNS = "c.id, c.post_id, c.parent_id, c.text, c.reply_count,"
            + " u.id as author_id, u.username, u.name, u.avatar_url, u.is_private, c.created_at, c.id as position_id";

    static CommentView of(Object[] row) {
        UserSummary author = UserSummary.of(row, 5);
        return new CommentView(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                row[2] == null ? null : ((Number) row[2]).longValue(), author, (String) row[3],
                ((Number) row[4]).intValue(), Keyset.instant(row[10]));
    }
}
