package io.kopilka.gift;

import io.kopilka.shared.Points;
import io.kopilka.shared.error.ApiProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a staff member gives a member by hand, with the reason, which is required: points, or a
 * coupon of a reward of the catalog. A request is one or the other; every refused field is named.
 */
public sealed interface Gift {
    int MAX_REASON = 200;
    int MAX_NOTE = 1000;
    int MAX_REWARD_ID = 100;

    String reason();

    String note();

    /** Points, counted against a pos key's daily limit. */
    record PointsGift(long points, String reason, String note) implements Gift {
    }

    /** A coupon of {@code rewardId}; a pos key only of the rewards the program lists for gifts. */
    record CouponGift(String rewardId, String reason, String note) implements Gift {
    }

    /** The gift a request describes: 422 {@code validation_failed} naming each refused field. */
    static Gift of(Long points, String rewardId, String reason, String note) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        if (points == null && rewardId == null) {
            errors.add(new ApiProblem.FieldError("points", "either points or rewardId is required"));
        } else if (points != null && rewardId != null) {
            errors.add(new ApiProblem.FieldError("rewardId", "give points or a reward, not both"));
        } else if (points != null && (points < 1 || !Points.inRange(points))) {
            errors.add(new ApiProblem.FieldError("points", "must be a whole number from 1 to " + Points.MAX));
        } else if (rewardId != null && (rewardId.isBlank() || rewardId.length() > MAX_REWARD_ID)) {
            errors.add(new ApiProblem.FieldError("rewardId", "must be a reward's id"));
        }
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
            errors.add(new ApiProblem.FieldError("reason", "is required (1 to " + MAX_REASON + " characters)"));
        }
        if (note != null && note.length() > MAX_NOTE) {
            errors.add(new ApiProblem.FieldError("note", "must be at most " + MAX_NOTE + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(422, "validation_failed", "The gift has invalid fields", errors, Map.of());
        }
        return points != null ? new PointsGift(points, reason, note) : new CouponGift(rewardId, reason, note);
    }
}
