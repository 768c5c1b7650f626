package app.shutter.graph;

import app.shutter.media.MediaUrls;
import app.shutter.user.User;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** GET /users/{username}: the public profile and how the caller relates to it. */
public record PublicProfile(@Schema(example = "42") long id,
                            @Schema(example = "jane.doe") String username,
                            @Schema(example = "Jane Doe") String name,
                            @Schema(example = "Street and travel photography") String bio,
                            @Schema(example = "https://jane.example.com") String website,
                            String avatarUrl,
                            boolean isPrivate,
                            int followersCount,
                            int followingCount,
                            int postsCount,
                            Relationship relationship) {

    public static PublicProfile of(User user, Relationship relationship) {
        return new PublicProfile(user.id, user.username, user.name, user.bio, user.website, MediaUrls.of(user.avatarFile),
                user.isPrivate, user.followersCount, user.followingCount, user.postsCount, relationship);
    }

    /** What a blocker still sees of the account they block: enough to unblock it, nothing more. */
    public static PublicProfile contentFree(User user, Relationship relationship) {
        return new PublicProfile(user.id, user.username, null, null, null, null, user.isPrivate, 0, 0, 0,
                relationship);
    }
}
