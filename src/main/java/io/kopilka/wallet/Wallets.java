package io.kopilka.wallet;

import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import java.time.Instant;

/**
 * What a member sees of their account, gathered from the ledger (points), the program (their
 * value) and the tiers (progress): the view the API's balance and the customer's wallet share.
 */
public interface Wallets {

    /** The member's balance as of {@code now}; zeros for a member without an account. */
    WalletBalance balance(TenantId tenant, MemberId member, Instant now);
}
