package app.shutter.post;

import app.shutter.common.Text;
import app.shutter.common.error.ApiException;
import java.util.Set;

/**
 * How a post is shown, set on creation (multipart text parts) and changed by PATCH: a content warning (the
 * post is {@code sensitive}, with an optional text), whether its like count is hidden from everyone else, and who
 * may comment: {@code everyone}, {@code followers} (accounts following the author) or nobody ({@code off}).
 */
record PostSettings(boolean sensitive, String contentWarning, boolean hideLikeCount, String commentPolicy) {

    static final int MAX_WARNING = 200;
    static final Set<String> COMMENT_POLICIES = Set.of("everyone", "followers", "off");

    /** From the multipart parts of a new post; a warning marks the post sensitive unless sensitive=false says not. */
    static PostSettings ofParts(String sensitive, String contentWarning, String hideLikeCount, String commentPolicy) {
        Boolean marked = flag(sensitive, "sensitive");
        String warning = warning(contentWarning);
        return of(marked == null ? warning != null : marked, warning,
                Boolean.TRUE.equals(flag(hideLikeCount, "hideLikeCount")),
                commentPolicy == null || commentPolicy.isBlank() ? "everyone" : commentPolicy.trim());
    }

    static PostSettings of(boolean sensitive, String contentWarning, boolean hideLikeCount, String commentPolicy) {
        if (contentWarning != null && !sensitive) {
            throw ApiException.invalidField("contentWarning", "needs the post to be sensitive (sensitive=true)");
        }
        if (!COMMENT_POLICIES.contains(commentPolicy)) {
            throw ApiException.invalidField("commentPolicy", "must be everyone, followers or off");
        }
        return new PostSettings(sensitive, contentWarning, hideLikeCount, commentPolicy);
    }

    static String warning(String text) {
        String warning = Text.trimToNull(text);
        if (warning != null && warning.length() > MAX_WARNING) {
            throw ApiException.invalidField("contentWarning", "must be at most " + MAX_WARNING + " characters");
        }
        return warning;
    }

    private static Boolean flag(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.invalidField(field, "must be true or false");
        };
    }

    void applyTo(Post post) {
        post.sensitive = sensitive;
        post.contentWarning = contentWarning;
        post.hideLikeCount = hideLikeCount;
        post.commentPolicy = commentPolicy;
    }
}
