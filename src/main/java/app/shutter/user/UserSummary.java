package app.shutter.user;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How a user appears inside other objects and lists. */
public record UserSummary(@Schema(example = "42") long id,
                          @Schema(example = "jane.doe") String username,
                          @Schema(example = "Jane Doe") String name,
                          @Schema(example = "/images/3f1c9a....jpg") String avatarUrl,
                          boolean isPrivate) {

    /** From five consecutive query columns starting at {@code first}: id, username, name, avatar_url, is_private. */
    public static UserSummary of(Object[] row, int first) {
        return new UserSummary(((Number) row[first]).longValue(), (String) row[first + 1], (String) row[first + 2],
                (String) row[first + 3], (Boolean) row[first + 4]);
    }

    public static UserSummary of(User user) {
        return new UserSummary(user.id, user.username, user.name, user.avatarUrl, user.isPrivate);
    }
}
