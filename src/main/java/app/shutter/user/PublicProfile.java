package app.shutter.user;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** GET /users/{username}. */
public record PublicProfile(@Schema(example = "42") long id,
                            @Schema(example = "jane.doe") String username,
                            @Schema(example = "Jane Doe") String name,
                            @Schema(example = "Street and travel photography") String bio,
                            @Schema(example = "https://jane.example.com") String website,
                            String avatarUrl,
                            boolean isPrivate,
                            int followersCount,
                            int followingCount,
                            int postsCount) {

    public static PublicProfile of(User user) {
        return new PublicProfile(user.id, user.username, user.name, user.bio, user.website, user.avatarUrl,
                user.isPrivate, user.followersCount, user.followingCount, user.postsCount);
    }
}
