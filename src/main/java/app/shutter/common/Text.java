package app.shutter.common;

/** How optional text from clients is normalized, the same way everywhere. */
public final class Text {

    private Text() {
    }

    /** Null for a missing or blank value, else the value as sent (captions keep their spacing). */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Null for a missing or blank value, else the value without surrounding white space (names, links). */
    public static String trimToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
