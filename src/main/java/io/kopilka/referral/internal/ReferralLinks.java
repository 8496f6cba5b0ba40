package io.kopilka.referral.internal;

import io.kopilka.member.MemberJoined;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the link between a member who joined with a code and who invited them. Synchronous, in the
 * joining transaction: the friend's first purchase may follow at once, and must find it.
 */
@Component
class ReferralLinks {
    private final ReferralRows rows;

    ReferralLinks(ReferralRows rows) {
        this.rows = rows;
    }

    @EventListener
    void on(MemberJoined joined) {
        if (joined.referredBy() != null) {
            rows.link(joined.tenant(), joined.member(), joined.referredBy(), joined.at());
        }
    }
}
