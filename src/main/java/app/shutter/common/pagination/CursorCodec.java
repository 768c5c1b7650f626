package app.shutter.common.pagination;

import app.shutter.common.error.ApiException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one encoding of every list's cursor: base64url of its keyset values joined by ':' (the last value may
 * itself hold ':'), opaque to clients. A value that does not decode is a 400 naming the cursor field.
 */
public final class CursorCodec {

    private CursorCodec() {
    }

    public static String encode(Object... parts) {
        String raw = Arrays.stream(parts).map(part -> part instanceof Instant instant ? Long.toString(micros(instant))
                : String.valueOf(part)).collect(Collectors.joining(":"));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** @param read builds the position from exactly {@code count} parts; any exception it throws means a bad cursor */
    public static <T> T decode(String value, int count, Function<String[], T> read) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8).split(":", count);
            if (parts.length != count) {
                throw new IllegalArgumentException("expected " + count + " parts");
            }
            return read.apply(parts);
        } catch (RuntimeException e) {
            throw ApiException.invalidField("cursor", "is not a cursor this API returned");
        }
    }

    public static Instant instant(String micros) {
        long value = Long.parseLong(micros);
        return Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000L), Math.floorMod(value, 1_000_000L) * 1_000L);
    }

    private static long micros(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000L);
    }
}
