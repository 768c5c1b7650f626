package app.shutter.graph;

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

        /** The SQL columns of an item (user alias {@code u}, {@code :viewer}), in the order {@link #of} reads. */
        public static final String COLUMNS = "u.id, u.username, u.name, u.avatar_url, u.is_private, "
                + Relationships.FOLLOWED_BY_VIEWER_SQL;

        public static UserItem of(Object[] row) {
            return new UserItem(((Number) row[0]).longValue(), (String) row[1], (String) row[2], (String) row[3],
                    (Boolean) row[4], (Boolean) row[5]);
        }

        /** Reads a row of {@link #COLUMNS} by column name ({@code followed_by_me} for the last one). */
        public static UserItem of(Tuple row) {
            return new UserItem(row.get("id", Number.class).longValue(), row.get("username", String.class),
                    row.get("name", String.class), row.get("avatar_url", String.class),
                    row.get("is_private", Boolean.class), row.get("followed_by_me", Boolean.class));
        }
    }

    public record FollowRequest(UserSummary user, Instant requestedAt) {
    }

    public record Blocked(UserSummary user, Instant blockedAt) {
    }
}
