package app.shutter.user;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The caller's own account: the public profile plus email and phone. */
public record Me(@Schema(example = "42") long id,
                 @Schema(example = "jane.doe") String username,
                 @Schema(example = "Jane Doe") String name,
                 String bio,
                 String website,
                 String avatarUrl,
                 boolean isPrivate,
                 int followersCount,
                 int followingCount,
                 int postsCount,
                 @Schema(example = "jane@example.com") String email,
                 @Schema(description = "Whether the owner confirmed the email with the code mailed to it; an"
                         + " unverified address reserves nothing and cannot be used to log in or reset the password")
                 boolean emailVerified,
                 @Schema(example = "+44 20 7946 0958") String phone) {

    public static Me of(User user) {
        return new Me(user.id, user.username, user.name, user.bio, user.website, app.shutter.media.MediaUrls.of(user.avatarFile), user.isPrivate,
                user.followersCount, user.followingCount, user.postsCount, user.email, user.emailVerifiedAt != null,
                user.phone);
    }
}
