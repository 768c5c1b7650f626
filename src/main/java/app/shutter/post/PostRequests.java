package app.shutter.post;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** JSON bodies of the post endpoints (creation is multipart, see PostResource). */
public final class PostRequests {

    public static final int MAX_CAPTION = 2200;

    private PostRequests() {
    }

    /** POST /posts/{id}/comments: a reply when parentId names a comment of the same post. */
    public record NewComment(@NotBlank(message = "is required")
                             @Size(max = MAX_CAPTION, message = "must be at most 2200 characters") String text,
                             Long parentId) {
    }

    /** likeCount is null for everyone but the author when the author hides it. */
    public record LikeState(Integer likeCount, boolean likedByMe) {
    }
}
