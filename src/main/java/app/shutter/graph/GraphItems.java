package app.shutter.graph;

import app.shutter.media.MediaUrls;
import app.shutter.common.persistence.Rows;
import app.shutter.user.UserSummary;
import jakarta.persistence.Tuple;
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

        /** The SQL columns of an item (user alias {@code u}, {@code :viewer}), as {@link #of} reads them. */
        public static final String COLUMNS = "u.id, u.username, u.name, u.avatar_file, u.is_private, "
                + Relationships.FOLLOWED_BY_VIEWER_SQL + " as followed_by_me";

        public static UserItem of(Tuple row) {
            return new UserItem(Rows.id(row, "id"), Rows.text(row, "username"), Rows.text(row, "name"),
                    MediaUrls.of(Rows.text(row, "avatar_file")), Rows.flag(row, "is_private"), Rows.flag(row, "followed_by_me"));
        }
    }

    public record FollowRequest(UserSummary user, Instant requestedAt) {
    }

    public record Blocked(UserSummary user, Instant blockedAt) {
    }
}
