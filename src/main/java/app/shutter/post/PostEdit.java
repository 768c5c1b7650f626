package app.shutter.post;

import app.shutter.common.PatchBody;
import app.shutter.common.error.ApiException;
import app.shutter.media.AltTexts;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * PATCH /posts/{id}. Remembers which fields were sent: an absent field is unchanged, null clears it (a null
 * {@code sensitive} or {@code hideLikeCount} is refused: they are true or false). Unknown fields are a 400.
 */
@Schema(name = "PostEdit")
public class PostEdit extends PatchBody {

    @Size(max = PostRequests.MAX_CAPTION, message = "must be at most 2200 characters")
    private String caption;

    @Schema(description = "Show the post behind a content warning; false also removes the warning's text")
    private Boolean sensitive;

    @Size(max = PostSettings.MAX_WARNING, message = "must be at most 200 characters")
    @Schema(description = "What the warning says; setting one marks the post sensitive")
    private String contentWarning;

    @Schema(description = "Hide the like count (and who liked the post) from everyone but the author")
    private Boolean hideLikeCount;

    @Schema(description = "The alt text of each media item, in carousel order (after this edit's `media`): one per"
            + " item (null or empty for none)")
    private List<String> altTexts;

    @Schema(description = "Who may comment: everyone, followers (accounts that follow the author) or off (nobody"
            + " but the author); comments made before stay", enumeration = {"everyone", "followers", "off"})
    private String commentPolicy;

    @Schema(description = "The ids of the media items to keep, in their new carousel order; items left out are"
            + " removed (their files deleted). At least one stays")
    private List<Long> media;

    public void setCaption(String caption) {
        this.caption = caption;
        sent("caption");
    }

    public void setSensitive(Boolean sensitive) {
        this.sensitive = sensitive;
        sent("sensitive");
    }

    public void setContentWarning(String contentWarning) {
        this.contentWarning = contentWarning;
        sent("contentWarning");
    }

    public void setHideLikeCount(Boolean hideLikeCount) {
        this.hideLikeCount = hideLikeCount;
        sent("hideLikeCount");
    }

    public void setAltTexts(List<String> altTexts) {
        this.altTexts = altTexts;
        sent("altTexts");
    }

    public void setCommentPolicy(String commentPolicy) {
        this.commentPolicy = commentPolicy;
        sent("commentPolicy");
    }

    public void setMedia(List<Long> media) {
        this.media = media;
        sent("media");
    }

    public String caption() {
        return caption;
    }

    /** The new alt texts of a post with {@code items} media items, checked. */
    List<String> altTexts(int items) {
        if (altTexts == null || altTexts.size() != items) {
            throw ApiException.invalidField("altTexts", "must hold one alt text per media item (" + items
                    + "), in carousel order; null or empty for none");
        }
        return AltTexts.of(altTexts, items, "altTexts");
    }

    /** The post's media items after this edit, in their new order: a selection of {@code current}, checked. */
    List<PostMedia> media(List<PostMedia> current) {
        if (media == null || media.isEmpty()) {
            throw ApiException.invalidField("media", "must list the ids of the media items to keep, in their new"
                    + " order; at least one stays");
        }
        Map<Long, PostMedia> byId = current.stream().collect(Collectors.toMap(item -> item.id, Function.identity()));
        Set<Long> seen = new HashSet<>();
        List<PostMedia> kept = new ArrayList<>(media.size());
        for (Long id : media) {
            if (id == null || !byId.containsKey(id)) {
                throw ApiException.invalidField("media", id + " is not the id of a media item of this post");
            }
            if (!seen.add(id)) {
                throw ApiException.invalidField("media", id + " is listed twice");
            }
            kept.add(byId.get(id));
        }
        return kept;
    }

    /** The post's settings after this edit. */
    PostSettings settings(Post post) {
        if (has("sensitive") && sensitive == null) {
            throw ApiException.invalidField("sensitive", "must be true or false");
        }
        if (has("hideLikeCount") && hideLikeCount == null) {
            throw ApiException.invalidField("hideLikeCount", "must be true or false");
        }
        String warning = has("contentWarning") ? PostSettings.warning(contentWarning) : post.contentWarning;
        boolean marked = has("sensitive") ? sensitive : post.sensitive || warning != null;
        if (has("sensitive") && !sensitive && !has("contentWarning")) {
            warning = null; // no longer sensitive: the old warning goes with it
        }
        return PostSettings.of(marked, warning, has("hideLikeCount") ? hideLikeCount : post.hideLikeCount,
                has("commentPolicy") ? commentPolicy : post.commentPolicy);
    }
}
