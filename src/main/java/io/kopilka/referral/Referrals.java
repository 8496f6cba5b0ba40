package io.kopilka.referral;

import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import java.time.Instant;
import java.util.List;

/** The friends a member invited, and what it brought them. */
public interface Referrals {

    /** The member's invitations, newest first; the member must exist (the caller found them). */
    Summary of(TenantId tenant, MemberId member);

    /** @param pointsEarned what the member got for friends, less what was cancelled */
    record Summary(List<Invited> invited, long pointsEarned) {
    }

    record Invited(MemberId memberId, Instant joinedAt, ReferralStatus status) {
    }
}
