package app.shutter.story;

import app.shutter.common.error.ApiException;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Who a story is for: whoever may see the author's content, or only the author's close friends. */
public enum StoryAudience {
    EVERYONE, CLOSE_FRIENDS;

    public static final String PART = "audience";

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The multipart part's value; absent or blank is everyone. */
    static StoryAudience ofPart(String part) {
        if (part == null || part.isBlank()) {
            return EVERYONE;
        }
        for (StoryAudience audience : values()) {
            if (audience.value().equals(part.trim())) {
                return audience;
            }
        }
        throw ApiException.invalidField(PART, "must be everyone or close_friends");
    }

    static StoryAudience of(String column) {
        return valueOf(column.toUpperCase(Locale.ROOT));
    }
}
