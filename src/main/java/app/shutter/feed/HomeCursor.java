package app.shutter.feed;

import app.shutter.common.pagination.Cursor;
import app.shutter.common.pagination.CursorCodec;

/**
 * The home feed's cursor: the keyset position, and which way the page before was found. A viewer whose page
 * could not be filled by the walk (quiet followees) gets the following pages from the merge straight away, so
 * the walk's budget is not spent again on every page; both ways give the same posts, so the hint only saves
 * work. A cursor of the common form (no hint, e.g. issued before the hint existed) means "try the walk".
 */
record HomeCursor(Cursor position, boolean merged) {

    String encode() {
        return CursorCodec.encode(position.at(), position.id(), merged ? "m" : "w");
    }

    static HomeCursor decode(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        try {
            return CursorCodec.decode(trimmed, 3, parts -> {
                if (!parts[2].equals("m") && !parts[2].equals("w")) {
                    throw new IllegalArgumentException("unknown path");
                }
                return new HomeCursor(new Cursor(CursorCodec.instant(parts[0]), Long.parseLong(parts[1])),
                        parts[2].equals("m"));
            });
        } catch (RuntimeException notOurs) {
            return new HomeCursor(Cursor.decode(trimmed), false);
        }
    }
}
