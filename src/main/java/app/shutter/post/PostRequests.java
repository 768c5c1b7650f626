package app.shutter.post;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** JSON bodies of the post endpoints (creation is multipart, see PostResource). */
public final class PostRequests {

    public static final int MAX_CAPTION = 2200;

    private PostRequests() {
    }

    /** PATCH /posts/{id}: the caption is the only editable field; null clears it. */
    public record Edit(@Size(max = MAX_CAPTION, message = "must be at most 2200 characters") String caption) {
    }

    /** POST /posts/{id}/comments: a reply when parentId names a comment of the same post. */
    public record NewComment(@NotBlank(message = "is required")
                             @Size(max = MAX_CAPTION, message = "must be at most 2200 characters") String text,
                             Long parentId) {
    }

    public record LikeState(int likeCount, boolean likedByMe) {
    }
}
