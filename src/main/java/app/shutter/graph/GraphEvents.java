package app.shutter.graph;

/** Fired inside the transaction that changes a follow, for features that react to it (notifications). */
public final class GraphEvents {

    private GraphEvents() {
    }

    /** A new follow, accepted at once or pending as a request. */
    public record Followed(long follower, long followee, boolean requested) {
    }

    /** A follow or request that no longer exists: unfollowed, cancelled, declined, removed or blocked. */
    /** One account blocked another (follows both ways have ended in the same transaction). */
    public record Blocked(long blocker, long blocked) {
    }

    public record FollowEnded(long follower, long followee) {
    }

    public record RequestAccepted(long follower, long followee) {
    }
}
