package app.shutter.notification;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** The kinds of notification; the lowercase name is the JSON value and the SSE event name. */
public enum NotificationType {
    LIKE, COMMENT, REPLY, MENTION, FOLLOW, FOLLOW_REQUEST, FOLLOW_ACCEPTED, MESSAGE,
    /** A like of one's comment or reply (post and comment set). */
    COMMENT_LIKE,
    /** A new post by an account one asked to be told about (post set). */
    POST,
    /** Notices from Shutter itself (no actor): a decision on one's report, a warning, a suspension, a removal. */
    REPORT_OUTCOME, WARNING, SUSPENSION, CONTENT_REMOVED;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static NotificationType of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
