package app.shutter.common.pagination;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.function.Function;

/** The shape of every list: {items, nextCursor}. */
public record Page<T>(List<T> items,
                      @Schema(description = "Pass as ?cursor= for the next page; null on the last page")
                      String nextCursor) {

    /**
     * @param rows     up to {@code request.fetchSize()} rows in list order
     * @param cursorOf the encoded keyset position of a row (e.g. {@link Cursor#encode()})
     */
    public static <R, T> Page<T> of(List<R> rows, PageRequest request, Function<R, String> cursorOf,
                                    Function<R, T> toItem) {
        return ofAll(rows, request, cursorOf, page -> page.stream().map(toItem).toList());
    }

    /** Like {@link #of}, for items built from the whole page at once (e.g. one more query for all of them). */
    public static <R, T> Page<T> ofAll(List<R> rows, PageRequest request, Function<R, String> cursorOf,
                                       Function<List<R>, List<T>> toItems) {
        boolean more = rows.size() > request.limit();
        List<R> page = more ? rows.subList(0, request.limit()) : rows;
        String next = more ? cursorOf.apply(page.get(page.size() - 1)) : null;
        return new Page<>(toItems.apply(page), next);
    }
}
