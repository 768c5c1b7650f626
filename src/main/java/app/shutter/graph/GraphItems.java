package app.shutter.graph;

import app.shutter.user.UserSummary;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** Response shapes of the graph endpoints. */
public final class GraphItems {

    private GraphItems() {
    }

    public record FollowStatus(@Schema(enumeration = {"following", "requested", "none"}) String status) {
    }

    /** A user summary with whether the caller follows that user (followers, following, search). */
    public record UserItem(long id, String username, String name, String avatarUrl, boolean isPrivate,
                           boolean followedByMe) {
    }

    public record FollowRequest(UserSummary user, Instant requestedAt) {
    }

    public record Blocked(UserSummary user, Instant blockedAt) {
    }
}
