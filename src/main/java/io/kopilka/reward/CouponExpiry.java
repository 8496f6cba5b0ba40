package io.kopilka.reward;

import java.time.Instant;

/** The job that expires coupons past their date, giving back the points of the unused ones bought with points. */
public interface CouponExpiry {

    /** Expires every coupon due at {@code now}, in batches; each once, however often or concurrently it runs. */
    int expireDue(Instant now);
}
