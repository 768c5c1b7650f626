package app.shutter.common.pagination;

import app.shutter.common.error.ApiException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * The position after the last item of a page in a list ordered by (time, id) descending. Opaque to
 * clients: base64url of "epochMicros:id". Lists use it in a keyset predicate, never OFFSET:
 * {@code where (created_at, id) < (:at, :id) order by created_at desc, id desc}.
 */
public record Cursor(Instant at, long id) {

    public String encode() {
        long micros = Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000L);
        String raw = micros + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    public static Cursor decode(String value) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.US_ASCII);
            int colon = raw.indexOf(':');
            long micros = Long.parseLong(raw.substring(0, colon));
            long id = Long.parseLong(raw.substring(colon + 1));
            return new Cursor(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                    Math.floorMod(micros, 1_000_000L) * 1_000L), id);
        } catch (RuntimeException e) {
            throw ApiException.invalidField("cursor", "is not a cursor this API returned");
        }
    }
}
