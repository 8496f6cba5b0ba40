package io.kopilka.referral.internal;

import io.kopilka.ledger.Account;
import io.kopilka.ledger.Credit;
import io.kopilka.ledger.EntryType;
import io.kopilka.ledger.Ledger;
import io.kopilka.ledger.LockedAccount;
import io.kopilka.member.Member;
import io.kopilka.member.Members;
import io.kopilka.program.Program;
import io.kopilka.program.Programs;
import io.kopilka.purchase.PurchaseParticipant.RecordedPurchase;
import io.kopilka.purchase.PurchaseParticipant.RecordedReturn;
import io.kopilka.referral.ReferralPolicy;
import io.kopilka.referral.ReferralRewarded;
import io.kopilka.referral.ReferralStatus;
import io.kopilka.referral.ReferralTexts;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.Text;
import io.kopilka.shared.TenantId;
import io.kopilka.tenant.Tenants;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A friend's qualifying purchase settles their referral: points to both (or nothing, capped or a
 * self-referral); a whole return of it before the points are available takes them back.
 *
 * <p>Locks: the purchase (or return) holds the friend's account; this takes the referrer's. A referrer
 * always joined before the friend they invited, so every such pair is locked newer member first, older
 * second: chains of referrals (A invited B, B invited C) cannot lock in a circle, and cannot deadlock.
 */
@Service
class ReferralRewards {
    private final ReferralRows rows;
    private final Programs programs;
    private final Members members;
    private final Ledger ledger;
    private final Tenants tenants;
    private final ApplicationEventPublisher events;

    ReferralRewards(ReferralRows rows, Programs programs, Members members, Ledger ledger, Tenants tenants,
                    ApplicationEventPublisher events) {
        this.rows = rows;
        this.programs = programs;
        this.members = members;
        this.ledger = ledger;
        this.tenants = tenants;
        this.events = events;
    }

    /**
     * @param line        the friend's line for the answer
     * @param friendAfter the friend's account after their bonus; null when they got none
     */
    record Given(Text line, Account friendAfter) {
    }

    /** The friend's line for the receipt when both (or one) got points; empty otherwise. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Given> afterPurchase(RecordedPurchase p) {
        Program program = programs.of(p.tenant());
        Program.Referral settings = program.referral();
        // No statement at all unless the program gives referral points and the purchase is large enough.
        if (!ReferralPolicy.qualifies(p.paid().amount(), settings)) {
            return Optional.empty();
        }
        Optional<MemberId> open = rows.openReferrer(p.tenant(), p.member());
        if (open.isEmpty()) {
            return Optional.empty();
        }
        TenantId tenant = p.tenant();
        Member friend = members.byId(tenant, p.member()).orElseThrow();
        Member referrer = members.byId(tenant, open.get()).orElseThrow();
        ZoneId zone = tenants.get(tenant).timezone();
        LockedAccount referrerAccount = null;
        int rewardedThisMonth = 0;
        if (!referrer.erased()) {
            // Newer (the friend, locked by the purchase) before older (the referrer): see the class.
            referrerAccount = ledger.lock(tenant, referrer.id(), p.recordedAt());
            if (settings.maxRewardsPerReferrerPerMonth() != null) {
                // Counted under the referrer's lock: two friends' purchases at once count one after the other.
                YearMonth month = YearMonth.from(p.recordedAt().atZone(zone));
                rewardedThisMonth = rows.rewardedBetween(tenant, referrer.id(),
                        month.atDay(1).atStartOfDay(zone).toInstant(),
                        month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
            }
        }
        var parties = new ReferralPolicy.Parties(friend.email(), referrer.email(), referrer.erased());
        switch (ReferralPolicy.decide(parties, p.paid().amount(), settings, rewardedThisMonth)) {
            case ReferralPolicy.None none -> {
                return Optional.empty();
            }
            case ReferralPolicy.Capped capped -> {
                rows.settle(tenant, friend.id(), ReferralStatus.CAPPED, p.purchase(), p.recordedAt(), null, 0, 0);
                return Optional.empty();
            }
            case ReferralPolicy.SelfReferral self -> {
                rows.settle(tenant, friend.id(), ReferralStatus.SELF_REFERRAL, p.purchase(), p.recordedAt(), null,
                        0, 0);
                return Optional.empty();
            }
            case ReferralPolicy.Reward reward -> {
                // Pending like the purchase's own earning, and expiring as it does.
                Instant availableAt = p.occurredAt().plus(Duration.ofDays(program.pendingDays()));
                Instant expiresAt = program.expiry().expiresAt(p.occurredAt(), zone).orElse(null);
                if (!rows.settle(tenant, friend.id(), ReferralStatus.REWARDED, p.purchase(), p.recordedAt(),
                        availableAt, reward.referrerPoints(), reward.refereePoints())) {
                    return Optional.empty();
                }
                Account friendAfter = null;
                if (reward.refereePoints() > 0) {
                    friendAfter = ledger.credit(tenant, ledger.lock(tenant, friend.id(), p.recordedAt()),
                            Credit.forPurchase(EntryType.REFERRAL, reward.refereePoints(), availableAt, expiresAt,
                                    p.purchase(), ReferralTexts.friendHistory()), p.recordedAt()).account();
                }
                if (reward.referrerPoints() > 0) {
                    ledger.credit(tenant, referrerAccount,
                            Credit.forPurchase(EntryType.REFERRAL, reward.referrerPoints(), availableAt, expiresAt,
                                    p.purchase(), ReferralTexts.referrerHistory()), p.recordedAt());
                }
                events.publishEvent(new ReferralRewarded(tenant, referrer.id(), friend.id(),
                        reward.referrerPoints(), reward.refereePoints(), p.purchase(),
                        availableAt, p.recordedAt()));
                Text line = ReferralTexts.rewarded(reward.referrerPoints(), reward.refereePoints());
                return line == null && friendAfter == null ? Optional.empty()
                        : Optional.of(new Given(line, friendAfter));
            }
        }
    }

    /** A whole return of the qualifying purchase before its points are available takes both back. */
    @Transactional(propagation = Propagation.MANDATORY)
    void afterReturn(RecordedReturn r) {
        if (!r.returnsWhole()) {
            return;
        }
        Optional<ReferralRows.Row> found = rows.byPurchase(r.tenant(), r.purchase());
        if (found.isEmpty() || found.get().status() != ReferralStatus.REWARDED
                || !r.recordedAt().isBefore(found.get().availableAt())) {
            return; // not a referral's purchase, nothing given, or the points are the members' now
        }
        ReferralRows.Row row = found.get();
        TenantId tenant = r.tenant();
        if (!rows.cancel(tenant, row.friend(), r.recordedAt())) {
            return;
        }
        if (row.refereePoints() > 0) {
            ledger.takeBack(tenant, ledger.lock(tenant, row.friend(), r.recordedAt()), row.refereePoints(),
                    r.purchase(), r.returnId(), r.recordedAt());
        }
        if (row.referrerPoints() > 0) {
            // Newer (the friend, locked by the return) before older (the referrer), as at the purchase.
            ledger.takeBack(tenant, ledger.lock(tenant, row.referrer(), r.recordedAt()), row.referrerPoints(),
                    r.purchase(), r.returnId(), r.recordedAt());
        }
    }
}
