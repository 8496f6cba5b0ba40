package io.kopilka.reward.internal;

import io.kopilka.audit.AuditLog;
import io.kopilka.audit.Change;
import io.kopilka.ledger.Credit;
import io.kopilka.ledger.Debit;
import io.kopilka.ledger.Ledger;
import io.kopilka.ledger.LockedAccount;
import io.kopilka.member.Member;
import io.kopilka.member.MemberLevel;
import io.kopilka.member.MemberLevels;
import io.kopilka.program.Programs;
import io.kopilka.reward.CatalogReward;
import io.kopilka.reward.Coupon;
import io.kopilka.reward.CouponCodes;
import io.kopilka.reward.CouponRefusals;
import io.kopilka.reward.CouponIssued;
import io.kopilka.reward.CouponSource;
import io.kopilka.reward.CouponStatus;
import io.kopilka.reward.CouponUsed;
import io.kopilka.reward.Coupons;
import io.kopilka.reward.IssuedCoupon;
import io.kopilka.reward.Redemptions;
import io.kopilka.reward.RewardAvailability;
import io.kopilka.rules.CouponOffer;
import io.kopilka.shared.Ids;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.PurchaseId;
import io.kopilka.shared.TenantId;
import io.kopilka.shared.Text;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.tenant.Caller;
import io.kopilka.tenant.Tenants;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coupons from issue to their end: bought for points, given, handed over, cancelled. Where points
 * move too, the member's account is locked before the coupon's row is written, the order a
 * purchase takes them in, so the two never wait on each other in a circle.
 */
@Service
class CouponService implements Coupons, Redemptions {
    static final int MAX_NOTE = 1000;

    private final RewardStore rewards;
    private final CouponStore coupons;
    private final Ledger ledger;
    private final MemberLevels levels;
    private final Tenants tenants;
    private final Programs programs;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    CouponService(RewardStore rewards, CouponStore coupons, Ledger ledger, MemberLevels levels, Tenants tenants,
                  Programs programs, AuditLog audit, ApplicationEventPublisher events) {
        this.rewards = rewards;
        this.coupons = coupons;
        this.ledger = ledger;
        this.levels = levels;
        this.tenants = tenants;
        this.programs = programs;
        this.audit = audit;
        this.events = events;
    }

    @Override
    @Transactional
    public Redemption redeem(Caller caller, Member member, String rewardId, String note, Instant now) {
        TenantId tenant = caller.tenant();
        checkNote(note);
        CatalogReward reward = reward(tenant, rewardId);
        if (member.erased()) {
            throw ApiProblem.conflict("member_erased", "An erased member cannot buy rewards");
        }
        LockedAccount locked = ledger.lock(tenant, member.id(), now);
        String tier = levels.of(tenant, member.id()).map(MemberLevel::code).orElse(null);
        long bought = reward.reward().perMemberLimit() == null ? 0
                : rewards.bought(tenant, reward.reward().id(), member.id());
        RewardAvailability.refusalToSell(reward, now, tier, bought).ifPresent(reason -> {
            throw RewardAvailability.notAvailable(reason);
        });
        if (!rewards.takeOne(tenant, reward)) {
            throw RewardAvailability.outOfStock();
        }
        long cost = reward.reward().costPoints();
        Text why = new Text("history.reward", Map.of("reward", reward.reward().name()));
        LockedAccount after = ledger.spend(tenant, locked, Debit.reward(cost, why, caller.actor()), now);
        Coupon coupon = issue(tenant, reward, member.id(), CouponSource.REDEMPTION, cost, note, null, now, null);
        return new Redemption(coupon, cost, after.account().available(), after.account().pending());
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public IssuedCoupon issue(TenantId tenant, MemberId member, String rewardId, CouponSource source, String note,
                              String actor, Instant now) {
        return issue(tenant, member, rewardId, source, note, actor, now, null);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public IssuedCoupon issue(TenantId tenant, MemberId member, String rewardId, CouponSource source, String note,
                              String actor, Instant now, Instant validUntil) {
        checkNote(note);
        CatalogReward reward = reward(tenant, rewardId);
        RewardAvailability.refusalToGive(reward, now).ifPresent(reason -> {
            throw RewardAvailability.notAvailable(reason);
        });
        if (!rewards.takeOne(tenant, reward)) {
            throw RewardAvailability.outOfStock();
        }
        Coupon coupon = issue(tenant, reward, member, source, null, note, null, now, validUntil);
        return new IssuedCoupon(coupon.id().toString(), coupon.displayCode(), rewardId, coupon.expiresAt());
    }

    /**
     * A coupon a purchase's rule gives, in the purchase's transaction; empty (and the purchase goes
     * on) when the reward can no longer be given: archived, out of its dates or of stock.
     */
    Optional<Coupon> issueForPurchase(TenantId tenant, MemberId member, String rewardId, PurchaseId purchase,
                                      Instant now) {
        Optional<CatalogReward> reward = Ids.parse(rewardId).flatMap(id -> rewards.find(tenant, id));
        if (reward.isEmpty() || RewardAvailability.refusalToGive(reward.get(), now).isPresent()
                || !rewards.takeOne(tenant, reward.get())) {
            return Optional.empty();
        }
        return Optional.of(issue(tenant, reward.get(), member, CouponSource.RULE, null, null, purchase, now, null));
    }

    private Coupon issue(TenantId tenant, CatalogReward catalog, MemberId member, CouponSource source, Long cost,
                         String note, PurchaseId issuedBy, Instant now, Instant validUntil) {
        var reward = catalog.reward();
        Instant expiresAt = reward.couponExpiresAt(now, tenants.get(tenant).timezone());
        if (validUntil != null && (expiresAt == null || validUntil.isBefore(expiresAt))) {
            expiresAt = validUntil;
        }
        Coupon coupon = coupons.insert(tenant, new Coupon(Ids.next(), null, reward.id(), member, source,
                CouponStatus.ACTIVE, reward.terms(), cost, reward.refundOnExpiry(), note, now, expiresAt, null, issuedBy));
        events.publishEvent(new CouponIssued(tenant, member, coupon.id(), coupon.displayCode(), reward.id(),
                reward.terms().name(), source, expiresAt, issuedBy, now));
        return coupon;
    }

    /**
     * Active → used, by a purchase or by hand ({@code purchase} null), and {@link CouponUsed} for who
     * listens; false (and nothing published) when the coupon was no longer active.
     */
    boolean markUsed(TenantId tenant, MemberId member, UUID couponId, String code, UUID rewardId, PurchaseId purchase,
                     Instant now) {
        if (!coupons.markUsed(tenant, couponId, purchase, now)) {
            return false;
        }
        events.publishEvent(new CouponUsed(tenant, member, couponId, CouponCodes.canonical(code)
                .map(CouponCodes::display).orElse(code), rewardId, purchase, now));
        return true;
    }

    @Override
    public Optional<Coupon> byCode(TenantId tenant, String code) {
        return CouponCodes.canonical(code).flatMap(c -> coupons.byCode(tenant, c));
    }

    @Override
    public List<Coupon> ofMember(TenantId tenant, MemberId member, CouponStatus status, Instant beforeIssuedAt,
                                 UUID beforeId, int limit, Instant now) {
        return coupons.ofMember(tenant, member, status, beforeIssuedAt, beforeId, limit, now);
    }

    @Override
    public List<Coupon> expiringBetween(TenantId tenant, Instant from, Instant to, UUID afterId, int limit) {
        return coupons.expiringBetween(tenant, from, to, afterId, limit);
    }

    @Override
    @Transactional
    public Coupon handOver(Caller caller, String code, Instant now) {
        Coupon coupon = found(caller.tenant(), code);
        CouponOffer.Kind kind = coupon.terms().kind();
        if (kind != CouponOffer.Kind.GIFT && kind != CouponOffer.Kind.EXPERIENCE) {
            throw CouponRefusals.invalid(code, "use_at_checkout");
        }
        List<String> stores = coupon.terms().stores();
        if (caller.storeCode() != null && stores != null && !stores.isEmpty() && !stores.contains(caller.storeCode())) {
            throw CouponRefusals.invalid(code, "wrong_store");
        }
        refuseUnlessActive(coupon, code, now);
        if (!markUsed(caller.tenant(), coupon.member(), coupon.id(), coupon.code(), coupon.rewardId(), null, now)) {
            throw CouponRefusals.used(code);
        }
        return with(coupon, CouponStatus.USED);
    }

    @Override
    @Transactional
    public Coupon cancel(Caller caller, String code, String reason, Instant now) {
        TenantId tenant = caller.tenant();
        Coupon coupon = found(tenant, code);
        refuseUnlessActive(coupon, code, now);
        LockedAccount locked = coupon.costPoints() == null ? null : ledger.lock(tenant, coupon.member(), now);
        if (!coupons.cancel(tenant, coupon.id(), now)) {
            throw CouponRefusals.used(code);
        }
        rewards.giveBack(tenant, coupon.rewardId());
        if (locked != null) {
            ledger.credit(tenant, locked, refund(tenant, coupon, "history.coupon-cancelled", now), now);
        }
        Coupon cancelled = with(coupon, CouponStatus.CANCELLED);
        audit.record(caller, new Change("coupon.cancelled", "coupon", coupon.displayCode(), auditView(coupon),
                auditView(cancelled), reason));
        return cancelled;
    }

    /** The points a coupon cost, given back available at once and expiring as the program says from now. */
    Credit refund(TenantId tenant, Coupon coupon, String why, Instant now) {
        Instant expiresAt = programs.of(tenant).expiry().expiresAt(now, tenants.get(tenant).timezone()).orElse(null);
        return Credit.refund(coupon.costPoints(), now, expiresAt,
                new Text(why, Map.of("reward", coupon.terms().name())));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean cancelIssued(TenantId tenant, String couponId, Instant now) {
        var id = Ids.parse(couponId).orElse(null);
        if (id == null) {
            return false;
        }
        var coupon = coupons.byId(tenant, id).orElse(null);
        if (coupon == null || coupon.statusAt(now) != CouponStatus.ACTIVE || !coupons.cancel(tenant, id, now)) {
            return false;
        }
        rewards.giveBack(tenant, coupon.rewardId());
        return true;
    }

    private static void refuseUnlessActive(Coupon coupon, String code, Instant now) {
        CouponStatus status = coupon.statusAt(now);
        if (status != CouponStatus.ACTIVE) {
            throw CouponRefusals.invalid(code, status.code());
        }
    }

    private Coupon found(TenantId tenant, String code) {
        return byCode(tenant, code).orElseThrow(() -> ApiProblem.notFound("Coupon"));
    }

    private CatalogReward reward(TenantId tenant, String rewardId) {
        return Ids.parse(rewardId).flatMap(id -> rewards.find(tenant, id))
                .orElseThrow(() -> ApiProblem.notFound("Reward"));
    }

    private static void checkNote(String note) {
        if (note != null && note.length() > MAX_NOTE) {
            throw ApiProblem.invalid("note", "must be at most " + MAX_NOTE + " characters");
        }
    }

    private static Coupon with(Coupon c, CouponStatus status) {
        return new Coupon(c.id(), c.code(), c.rewardId(), c.member(), c.source(), status, c.terms(), c.costPoints(),
                c.refundOnExpiry(), c.note(), c.issuedAt(), c.expiresAt(), c.usedIn(), c.issuedBy());
    }

    private static Map<String, Object> auditView(Coupon c) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("code", c.displayCode());
        view.put("rewardId", c.rewardId().toString());
        view.put("memberId", c.member().toString());
        view.put("status", c.status().code());
        view.put("source", c.source().code());
        view.put("costPoints", c.costPoints());
        return view;
    }
}
