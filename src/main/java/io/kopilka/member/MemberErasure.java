package io.kopilka.member;

import io.kopilka.shared.MemberId;
import io.kopilka.tenant.Caller;

/**
 * Erasing a member as a person asks for it, through the API or the console: the personal data
 * cleared ({@link Members#erase}), the audit entry, and the stored answers of retried requests that
 * still hold the data rewritten, all in one transaction.
 */
public interface MemberErasure {

    /** Erases the member; a no-op (and no audit entry) for one erased already. */
    void erase(Caller caller, MemberId member);
}
