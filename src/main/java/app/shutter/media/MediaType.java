package app.shutter.media;

import com.fasterxml.jackson.annotation.JsonValue;

/** The kinds of media a client may upload; serialized in lower case as the API conventions say. */
public enum MediaType {
    IMAGE, VIDEO;

    @JsonValue
    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static MediaType of(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
