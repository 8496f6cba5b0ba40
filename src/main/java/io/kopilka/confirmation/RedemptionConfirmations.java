package io.kopilka.confirmation;

import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import io.kopilka.tenant.Caller;
import java.time.Instant;

/**
 * A member's say-so for spending points at the till, above the program's
 * {@code redemptionConfirmationAbove}: the six digits the wallet shows (TOTP, RFC 6238, a new code every
 * 30 seconds), or six digits sent to the member's phone or e-mail (valid five minutes, five tries). A
 * code is good once; five wrong codes in a row lock the member's confirmation for five minutes.
 */
public interface RedemptionConfirmations {

    /** How long a sent code is good. */
    int SENT_CODE_MINUTES = 5;

    /** The code the wallet shows now; the member's secret is made on first use. 404 for no such member. */
    String currentCode(TenantId tenant, MemberId member, Instant now);

    /**
     * Sends a new code to the member's first reachable channel (notice kind {@code login_code}); the one sent
     * before stops working. 404 for no such member, 409 {@code member_erased}.
     */
    void sendCode(Caller caller, MemberId member);

    /**
     * Whether {@code code} is the wallet's code of this 30-second step or the one before, not used yet,
     * or the code sent last, within its time and tries. A good code is spent; a wrong one counts.
     */
    boolean confirm(TenantId tenant, MemberId member, String code, Instant now);
}
