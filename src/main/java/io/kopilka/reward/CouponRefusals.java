package io.kopilka.reward;

import io.kopilka.shared.error.ApiProblem;
import java.util.List;
import java.util.Map;

/** The answers that refuse a coupon, the same wherever it is handed over. */
public final class CouponRefusals {
    private CouponRefusals() {
    }

    /** 422 {@code coupon_invalid} with the {@code reason} and the code as it was sent. */
    public static ApiProblem invalid(String code, String reason) {
        return new ApiProblem(422, "coupon_invalid", "Coupon " + code + " cannot be used: " + reason.replace('_', ' '),
                List.of(new ApiProblem.FieldError("couponCodes", code + ": " + reason)),
                Map.of("reason", reason, "couponCode", code));
    }

    /** 409 {@code coupon_used}: another purchase or hand-over took it first. */
    public static ApiProblem used(String code) {
        return new ApiProblem(409, "coupon_used", "Coupon " + code + " was used at the same moment elsewhere",
                List.of(), Map.of("couponCode", code));
    }
}
