package io.kopilka.shared.web;

import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * One page of a keyset-paged list: the rows are fetched one more than the page holds, so that the
 * extra row says whether another page follows without a count, and the cursor is the sort key of
 * the last row shown. Every list computes its page here, so none gets the off-by-one differently.
 */
public record Page<V>(List<V> items, String nextCursor) {

    /**
     * @param fetch  reads up to the given number of rows after the caller's cursor
     * @param view   what the answer shows of a row
     * @param cursor the cursor text of a row (its sort key)
     */
    public static <R, V> Page<V> of(int limit, IntFunction<List<R>> fetch, Function<R, V> view,
                                    Function<R, String> cursor) {
        List<R> rows = fetch.apply(limit + 1);
        List<V> items = rows.stream().limit(limit).map(view).toList();
        return new Page<>(items, rows.size() > limit ? cursor.apply(rows.get(limit - 1)) : null);
    }
}
