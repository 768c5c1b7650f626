package app.shutter.common.pagination;

import app.shutter.common.error.ApiException;

/** {@code ?limit=} (1..50, default 20) and {@code ?cursor=} as every list takes them. */
public record PageRequest(int limit, Cursor after) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 50;

    /** Parses raw query values so that a bad limit is a 400 with a field, not JAX-RS's 404. */
    public static PageRequest of(String limit, String cursor) {
        int parsedLimit = DEFAULT_LIMIT;
        if (limit != null && !limit.isBlank()) {
            try {
                parsedLimit = Integer.parseInt(limit.trim());
            } catch (NumberFormatException e) {
                parsedLimit = -1;
            }
            if (parsedLimit < 1 || parsedLimit > MAX_LIMIT) {
                throw ApiException.invalidField("limit", "must be a number from 1 to " + MAX_LIMIT);
            }
        }
        Cursor after = cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor.trim());
        return new PageRequest(parsedLimit, after);
    }

    /** Rows to fetch: one more than the page, to learn whether a next page exists. */
    public int fetchSize() {
        return limit + 1;
    }
}
