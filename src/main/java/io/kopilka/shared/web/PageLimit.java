package io.kopilka.shared.web;

import io.kopilka.shared.error.ApiProblem;

/**
 * One page size rule for every list: what a caller gets without asking, and the most one may ask
 * for, so that no list answers with every row of a tenant at once.
 */
public final class PageLimit {
    /** A string because {@code @RequestParam(defaultValue = ...)} takes one. */
    public static final String DEFAULT = "50";
    public static final int MAX = 200;

    private PageLimit() {
    }

    /** The limit a caller sent, if it is one; 422 otherwise. */
    public static int check(int limit) {
        if (limit < 1 || limit > MAX) {
            throw ApiProblem.invalid("limit", "must be between 1 and " + MAX);
        }
        return limit;
    }
}
