package io.kopilka.referral.internal;

import io.kopilka.referral.ReferralStatus;
import io.kopilka.referral.Referrals;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import java.util.List;
import org.springframework.stereotype.Service;

@Service
class JdbcReferrals implements Referrals {
    private final ReferralRows rows;

    JdbcReferrals(ReferralRows rows) {
        this.rows = rows;
    }

    @Override
    public Summary of(TenantId tenant, MemberId member) {
        List<ReferralRows.Row> invited = rows.invitedBy(tenant, member);
        long earned = invited.stream().filter(r -> r.status() == ReferralStatus.REWARDED)
                .mapToLong(ReferralRows.Row::referrerPoints).sum();
        return new Summary(invited.stream().map(r -> new Invited(r.friend(), r.joinedAt(), r.status())).toList(),
                earned);
    }
}
