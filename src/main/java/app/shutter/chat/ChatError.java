package app.shutter.chat;

import java.util.Locale;

/** Error codes of the chat socket; the connection stays open after each. */
public enum ChatError {
    INVALID_FRAME, UNKNOWN_RECIPIENT, NOT_MUTUAL_FOLLOWERS, MESSAGE_TOO_LONG, RATE_LIMITED, SENDER_MISMATCH,
    /** A reply (storyId) to a story that is gone, expired or not visible to the sender. */
    STORY_UNAVAILABLE,
    /** The message could not be stored (e.g. the database is unreachable): send it again, same clientId. */
    UNAVAILABLE;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A refusal of one frame, answered with an error frame. */
    public static final class Refusal extends RuntimeException {

        public final ChatError code;

        public Refusal(ChatError code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }
}
