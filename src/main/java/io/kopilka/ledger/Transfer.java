package io.kopilka.ledger;

import io.kopilka.shared.MemberId;
import io.kopilka.shared.Points;
import io.kopilka.shared.error.ApiProblem;
import java.util.UUID;

/** Points moved between two members of a tenant, and what each has available after it. */
public record Transfer(UUID id, MemberId from, MemberId to, long points, long fromAvailable, long toAvailable) {

    /** The points of a transfer request: a whole number above 0, at most {@link Points#MAX}. */
    public static long points(Long points) {
        if (points == null || points <= 0 || !Points.inRange(points)) {
            throw ApiProblem.invalid("points", "must be a whole number of points above 0");
        }
        return points;
    }
}
