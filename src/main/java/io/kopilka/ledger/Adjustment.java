package io.kopilka.ledger;

import io.kopilka.shared.Points;
import io.kopilka.shared.error.ApiProblem;

/**
 * Points given ({@code points} above 0) or taken (below 0) by hand, with the reason, which is
 * required, and a note. A refused field is a 422 naming it.
 */
public record Adjustment(long points, String reason, String note) {
    static final int MAX_REASON = 200;
    static final int MAX_NOTE = 1000;

    public Adjustment {
        if (!Points.isAdjustment(points)) {
            throw invalidPoints();
        }
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
            throw ApiProblem.invalid("reason", "is required (up to " + MAX_REASON + " characters)");
        }
        if (note != null && note.length() > MAX_NOTE) {
            throw ApiProblem.invalid("note", "must be at most " + MAX_NOTE + " characters");
        }
    }

    /** From a request, where the points may be missing. */
    public static Adjustment of(Long points, String reason, String note) {
        if (points == null) {
            throw invalidPoints();
        }
        return new Adjustment(points, reason, note);
    }

    private static ApiProblem invalidPoints() {
        return ApiProblem.invalid("points", "must be a non-zero whole number of points up to " + Points.MAX);
    }
}
