package app.shutter.post;

import java.util.List;

/** Fired inside the transaction of an action on a post, for features that react to it (notifications). */
public final class PostEvents {

    private PostEvents() {
    }

    public record Liked(long actor, long postId, long postAuthor) {
    }

    public record Unliked(long actor, long postId) {
    }

    /** A caption was written; {@code newlyMentioned} are the accounts it mentions that it did not before. */
    public record CaptionWritten(long author, long postId, List<Long> newlyMentioned) {
    }

    /**
     * @param repliedTo the author of the comment replied to (null for a top-level comment)
     * @param mentioned the accounts the comment mentions
     */
    public record Commented(long actor, long postId, long postAuthor, long commentId, Long repliedTo,
                            List<Long> mentioned) {
    }

    public record CommentLiked(long actor, long postId, long commentId, long commentAuthor) {
    }

    public record CommentUnliked(long actor, long commentId) {
    }

    /** A post was published (not an edit); fired in its transaction. */
    public record Published(long author, long postId) {
    }
}
