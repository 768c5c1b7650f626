package app.shutter.common.pagination;

import java.time.Instant;

/**
 * The position after the last item of a page in a list ordered by (time, id) descending. Opaque to
 * clients: base64url of "epochMicros:id". Lists use it in a keyset predicate, never OFFSET:
 * {@code where (created_at, id) < (:at, :id) order by created_at desc, id desc}.
 */
public record Cursor(Instant at, long id) {

    public String encode() {
        return CursorCodec.encode(at, id);
    }

    public static Cursor decode(String value) {
        return CursorCodec.decode(value, 2, parts -> new Cursor(CursorCodec.instant(parts[0]), Long.parseLong(parts[1])));
    }
}
