package io.kopilka.purchase.internal;

import io.kopilka.shared.Money;
import io.kopilka.ledger.Account;
import io.kopilka.ledger.Balance;
import io.kopilka.ledger.Credit;
import io.kopilka.ledger.EntryType;
import io.kopilka.ledger.Ledger;
import io.kopilka.member.Member;
import io.kopilka.member.MemberRef;
import io.kopilka.member.Members;
import io.kopilka.program.ExpiryPolicy;
import io.kopilka.program.Program;
import io.kopilka.program.Programs;
import io.kopilka.purchase.OrderValidation;
import io.kopilka.purchase.PurchaseOrder;
import io.kopilka.purchase.Purchases;
import io.kopilka.purchase.Receipt;
import io.kopilka.purchase.ReturnCalculation;
import io.kopilka.purchase.ReturnOrder;
import io.kopilka.purchase.ReturnReceipt;
import io.kopilka.purchase.StoreRestriction;
import io.kopilka.rules.Cart;
import io.kopilka.rules.MemberSnapshot;
import io.kopilka.rules.PricedCart;
import io.kopilka.rules.Pricing;
import io.kopilka.rules.Rule;
import io.kopilka.rules.RuleSet;
import io.kopilka.rules.Rules;
import io.kopilka.shared.Ids;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.Now;
import io.kopilka.shared.Outcome;
import io.kopilka.shared.TenantId;
import io.kopilka.shared.Text;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.shared.idempotency.Idempotency;
import io.kopilka.tenant.Stores;
import io.kopilka.tenant.Tenant;
import io.kopilka.tenant.Tenants;
import io.kopilka.tier.MemberTier;
import io.kopilka.tier.Tiers;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Orchestrates a purchase: member, program and rules are read first; then, in one transaction under
 * the member's lock, the redemption is checked against the balance, the cart is priced in memory,
 * and the purchase, its lines, the ledger entries and the balance are written together.
 */
@Service
class PurchaseService implements Purchases {
    private static final Logger log = LoggerFactory.getLogger(PurchaseService.class);
    private final Tenants tenants;
    private final Stores stores;
    private final Members members;
    private final Programs programs;
    private final Rules rules;
    private final Ledger ledger;
    private final PurchaseRepository purchases;
    private final Idempotency idempotency;
    private final JsonMapper json;
    private final Clock clock;
    private final Tiers tiers;

    PurchaseService(Tenants tenants, Stores stores, Members members, Programs programs, Rules rules, Ledger ledger,
                    PurchaseRepository purchases, Idempotency idempotency, JsonMapper json, Clock clock, Tiers tiers) {
        this.tiers = tiers;
        this.tenants = tenants;
        this.stores = stores;
        this.members = members;
        this.programs = programs;
        this.rules = rules;
        this.ledger = ledger;
        this.purchases = purchases;
        this.idempotency = idempotency;
        this.json = json;
        this.clock = clock;
    }

    /** Everything a purchase needs that does not depend on the member's lock. */
    private record Context(Tenant tenant, Program program, Member member, MemberTier tier, Cart cart, Instant now) {
    }

    private Context prepare(TenantId tenantId, PurchaseOrder order) {
        Tenant tenant = tenants.get(tenantId);
        Program program = programs.of(tenantId);
        Instant now = Now.of(clock);
        int scale = Money.scaleOf(tenant.currency());
        OrderValidation.check(order, now, program.maxBackdateDays(), scale);
        if (stores.byCode(tenantId, order.storeCode()).isEmpty()) {
            throw new ApiProblem(422, "unknown_store", "There is no store with code '" + order.storeCode() + "'",
                    List.of(new ApiProblem.FieldError("storeCode", "unknown store")), Map.of());
        }
        Member member = order.member() == null ? null : members.resolve(tenantId,
                new MemberRef(order.member().id(), order.member().phone(), order.member().card()));
        Instant occurredAt = order.occurredAt() == null ? now : order.occurredAt().toInstant();
        List<Cart.Line> lines = order.items().stream()
                .map(i -> new Cart.Line(i.sku(), i.name(), i.category(), i.quantity(), i.unitPrice())).toList();
        Cart cart = new Cart(occurredAt, order.storeCode(), channel(order), lines, tenant.currency(), tenant.timezone());
        MemberTier tier = member == null ? null : tiers.current(tenantId, member.id()).orElse(null);
        return new Context(tenant, program, member, tier, cart, now);
    }

    @Override
    public Receipt quote(TenantId tenantId, PurchaseOrder order) {
        return quote(tenantId, order, rules.current(tenantId));
    }

    /** A quote priced by the given rule set: the live one, or drafts in a simulation. */
    Receipt quote(TenantId tenantId, PurchaseOrder order, RuleSet ruleSet) {
        Context c = prepare(tenantId, order);
        long redeem = order.redeemPoints() == null ? 0 : order.redeemPoints();
        // One read of the account serves the balance check, the rules (spend, visits) and the answer.
        Account account = c.member() == null ? null : ledger.peek(tenantId, c.member().id(), c.now());
        checkRedemption(redeem, account == null ? 0 : account.available(), c.program());
        PricedCart priced = price(c, ruleSet, account, redeem, caps(tenantId, c, ruleSet, account));
        checkRedeemedMinimum(priced, c.program());
        long pending = pendingPart(c, priced.pointsEarned());
        Receipt.BalanceAfter after = account == null ? null : projected(account, priced, pending);
        // The level the purchase is priced at; a quote changes nothing.
        Receipt.TierView tier = c.tier() == null ? null : new Receipt.TierView(c.tier().level().code(), false);
        return receipt(null, order.externalId(), c, priced, pending, after, tier, ruleSet.version());
    }

    @Override
    public Outcome<Receipt> commit(TenantId tenantId, PurchaseOrder order, String idempotencyKey) {
        Context c;
        try {
            c = prepare(tenantId, order);
        } catch (ApiProblem refused) {
            // A till retrying a purchase that went through gets its first answer, even if the purchase
            // would be refused today (backdated too far by now, member erased since).
            var replay = replay(tenantId, "purchase-request", idempotencyKey, order)
                    .or(() -> replay(tenantId, "purchase", order.externalId(), order));
            if (replay.isPresent()) {
                return new Outcome<>(replay.get().body(), true);
            }
            throw refused;
        }
        // The Idempotency-Key row first, then the externalId row, in one transaction: either one
        // seen before replays the first answer, and a reuse of either with another request is 409.
        AtomicBoolean replayedByExternalId = new AtomicBoolean();
        var keyed = idempotency.run(tenantId, "purchase-request", idempotencyKey, order, Receipt.class, () -> {
            var byExternalId = idempotency.run(tenantId, "purchase", order.externalId(), order, Receipt.class,
                    () -> record(tenantId, order, c));
            replayedByExternalId.set(byExternalId.replayed());
            return byExternalId.body();
        });
        return new Outcome<>(keyed.body(), keyed.replayed() || replayedByExternalId.get());
    }

    private Optional<Outcome<Receipt>> replay(TenantId tenantId, String scope, String key,
                                                                    PurchaseOrder order) {
        return key == null || key.isBlank() ? Optional.empty()
                : idempotency.replay(tenantId, scope, key, order, Receipt.class);
    }

    private Receipt record(TenantId tenantId, PurchaseOrder order, Context c) {
        long redeem = order.redeemPoints() == null ? 0 : order.redeemPoints();
        MemberId memberId = c.member() == null ? null : c.member().id();
        Account account = null;
        if (memberId != null) {
            account = ledger.lock(tenantId, memberId, c.now());
            checkRedemption(redeem, account.available(), c.program());
        }
        RuleSet ruleSet = rules.current(tenantId);
        Map<UUID, Long> caps = caps(tenantId, c, ruleSet, account);
        PricedCart priced = price(c, ruleSet, account, redeem, caps);
        checkRedeemedMinimum(priced, c.program());
        if (memberId != null) {
            priced = spendBudgets(tenantId, c, ruleSet, account, redeem, caps, priced);
            rules.recordMemberPoints(tenantId, memberId, pointsOfCappedRules(ruleSet, priced), today(c));
        }
        UUID purchaseId = Ids.next();
        purchases.insert(tenantId, purchaseId, order.externalId(), order.storeCode(), channel(order), memberId,
                c.cart().occurredAt(), priced, c.program().version(), ruleSet.version(),
                json.writeValueAsString(priced.applied()), c.cart(), c.now());
        long pending = pendingPart(c, priced.pointsEarned());
        Receipt.BalanceAfter after = null;
        Receipt.TierView tier = null;
        if (memberId != null) {
            Credit earn = priced.pointsEarned() == 0 ? null : new Credit(EntryType.EARN, priced.pointsEarned(),
                    availableAt(c), expiresAt(c.program(), c.cart().occurredAt(), c.tenant()), purchaseId, null,
                    ruleNames(priced), null, explanation(priced), null, explanationData(priced));
            Account posted = ledger.post(tenantId, account, new Ledger.Posting(purchaseId, priced.pointsRedeemed(),
                    earn, priced.payable(), 1), c.now());
            ledger.extendExpiry(tenantId, memberId, inactivityExpiry(c.program(), c.now(), c.tenant()), c.now());
            // Priced above at the old level; a threshold crossed now applies from the next purchase.
            tier = tiers.afterPurchase(tenantId, memberId, purchaseId, priced.payable(), priced.pointsEarned(),
                            c.cart().occurredAt(), c.now())
                    .map(t -> new Receipt.TierView(t.code(), t.changed())).orElse(null);
            after = new Receipt.BalanceAfter(posted.available(), posted.pending());
        }
        return receipt(purchaseId.toString(), order.externalId(), c, priced, pending, after, tier, ruleSet.version());
    }

    @Override
    public Outcome<ReturnReceipt> returnGoods(TenantId tenantId, UUID purchaseId, ReturnOrder order, String keyStore,
                                              String idempotencyKey) {
        Tenant tenant = tenants.get(tenantId);
        Program program = programs.of(tenantId);
        int scale = Money.scaleOf(tenant.currency());
        OrderValidation.check(order, scale);
        PurchaseRepository.StoredPurchase found = purchases.find(tenantId, purchaseId)
                .orElseThrow(() -> ApiProblem.notFound("Purchase"));
        // Before the replay too: another store's till gets neither a new return nor an old answer.
        StoreRestriction.check(keyStore, found.storeCode(), "record returns");
        record Request(UUID purchaseId, ReturnOrder order) {
        }
        Request request = new Request(purchaseId, order);
        // The Idempotency-Key row first, then the externalId row, in one transaction: either one
        // seen before replays the first answer, and a reuse of either with another request is 409.
        AtomicBoolean replayedByExternalId = new AtomicBoolean();
        var keyed = idempotency.run(tenantId, "return-request", idempotencyKey, request, ReturnReceipt.class, () -> {
            var byExternalId = recordReturn(tenant, program, scale, found, order, request);
            replayedByExternalId.set(byExternalId.replayed());
            return byExternalId.body();
        });
        return new Outcome<>(keyed.body(), keyed.replayed() || replayedByExternalId.get());
    }

    /** The return itself, once per externalId; {@code request} is what the externalId's answer is kept for. */
    private Outcome<ReturnReceipt> recordReturn(Tenant tenant, Program program, int scale,
                                                           PurchaseRepository.StoredPurchase found, ReturnOrder order,
                                                           Object request) {
        TenantId tenantId = tenant.id();
        UUID purchaseId = found.id();
        return idempotency.run(tenantId, "return", order.externalId(), request,
                ReturnReceipt.class, () -> {
                    Instant now = Now.of(clock);
                    MemberId memberId = found.memberId() == null ? null : new MemberId(found.memberId());
                    if (memberId != null) {
                        ledger.lock(tenantId, memberId, now);
                    }
                    purchases.lock(tenantId, purchaseId);
                    List<ReturnCalculation.Line> before = purchases.lines(tenantId, purchaseId);
                    ReturnCalculation.Result result = ReturnCalculation.of(before, order, scale);
                    UUID returnId = Ids.next();
                    purchases.recordReturn(tenantId, purchaseId, returnId, order.externalId(), result, now);
                    Receipt.BalanceAfter after = null;
                    if (memberId != null) {
                        ledger.takeBack(tenantId, memberId, result.pointsReversed(), purchaseId, returnId, now);
                        if (result.pointsRefunded() > 0) {
                            ledger.credit(tenantId, memberId, new Credit(EntryType.REFUND, result.pointsRefunded(), now,
                                    expiresAt(program, now, tenant), purchaseId, returnId, null, null, null, null), now);
                        }
                        // A purchase returned in full was no visit: member.visits (rules) must agree with
                        // the tier module, which also takes the visit back.
                        int visits = wholeNow(result.lines()) && !wholeNow(before) ? -1 : 0;
                        ledger.recordActivity(tenantId, memberId, result.amount().negate(), visits, now);
                        tiers.afterReturn(tenantId, memberId, purchaseId, returnId, result.amount(),
                                result.pointsReversed(), now);
                        Balance balance = ledger.balance(tenantId, memberId, now);
                        after = new Receipt.BalanceAfter(balance.available(), balance.pending());
                    }
                    return new ReturnReceipt(returnId.toString(), purchaseId.toString(), order.externalId(),
                            money(result.amount(), scale), result.pointsReversed(), result.pointsRefunded(), after);
                });
    }

    /** Prices a stored purchase again, for simulations: no caps, no budgets, the member as they are now. */
    PricedCart reprice(Tenant tenant, Program program, Cart cart, Member member, Account account, long redeem,
                       RuleSet ruleSet) {
        String language = member == null ? tenant.locale().tag() : member.locale().tag();
        MemberTier tier = member == null ? null : tiers.current(tenant.id(), member.id()).orElse(null);
        return Pricing.price(new Pricing.Input(cart, ruleSet.rules(), program, snapshot(member, tier, account), redeem,
                language, Map.of()));
    }

    /** Every line back: all of its units, or all of what was paid for it. */
    private static boolean wholeNow(List<ReturnCalculation.Line> lines) {
        return lines.stream().allMatch(l -> l.returnedQuantity().compareTo(l.quantity()) >= 0
                || (l.paid().signum() > 0 && l.returnedValue().compareTo(l.paid()) >= 0));
    }

    private PricedCart price(Context c, RuleSet ruleSet, Account account, long redeem, Map<UUID, Long> caps) {
        String language = c.member() == null ? c.tenant().locale().tag() : c.member().locale().tag();
        PricedCart priced = Pricing.price(new Pricing.Input(c.cart(), ruleSet.rules(), c.program(),
                snapshot(c.member(), c.tier(), account), redeem, language, caps));
        priced.skipped().forEach(s -> log.warn("Rule {} ({}) skipped for tenant {}: its condition failed: {}",
                s.name(), s.ruleId(), c.tenant().id(), s.error()));
        return priced;
    }

    /** What the rules may know of the member: their level, CRM attributes and history before this purchase. */
    private static MemberSnapshot snapshot(Member member, MemberTier tier, Account account) {
        if (member == null) {
            return MemberSnapshot.GUEST;
        }
        MemberSnapshot.TierBenefits benefits = tier == null || tier.level().benefits() == null ? null
                : new MemberSnapshot.TierBenefits(tier.level().benefits().earnMultiplier(),
                        tier.level().benefits().discountPercent());
        return new MemberSnapshot(true, tier == null ? null : tier.level().code(),
                tier == null ? null : tier.level().name(), benefits, member.attributes(), member.createdAt(),
                member.birthDate(),
                account == null ? BigDecimal.ZERO : account.lifetimeSpend(), account == null ? 0 : account.visits(),
                List.of());
    }

    private Map<UUID, Long> caps(TenantId tenantId, Context c, RuleSet ruleSet, Account account) {
        return c.member() == null ? Map.of() : rules.caps(tenantId, c.member().id(), ruleSet.rules(), today(c));
    }

    /**
     * Takes the points of rules with a budget from their budgets, atomically. If a budget could not
     * give all, the purchase is priced again with that rule capped at what was granted, and what the
     * second pricing did not use is given back.
     */
    private PricedCart spendBudgets(TenantId tenantId, Context c, RuleSet ruleSet, Account account, long redeem,
                                    Map<UUID, Long> caps, PricedCart priced) {
        Map<UUID, Long> wanted = pointsOf(ruleSet, priced, r -> r.limits().budgetPoints() != null);
        if (wanted.isEmpty()) {
            return priced;
        }
        Map<UUID, Long> granted = new HashMap<>();
        boolean short_ = false;
        for (var e : wanted.entrySet()) {
            long g = rules.claimBudget(tenantId, e.getKey(), e.getValue());
            granted.put(e.getKey(), g);
            short_ |= g < e.getValue();
        }
        if (!short_) {
            return priced;
        }
        Map<UUID, Long> tighter = new HashMap<>(caps);
        granted.forEach((rule, g) -> tighter.merge(rule, g, Math::min));
        PricedCart again = price(c, ruleSet, account, redeem, tighter);
        Map<UUID, Long> used = pointsOf(ruleSet, again, r -> r.limits().budgetPoints() != null);
        granted.forEach((rule, g) -> rules.releaseBudget(tenantId, rule, g - used.getOrDefault(rule, 0L)));
        return again;
    }

    private static Map<UUID, Long> pointsOfCappedRules(RuleSet ruleSet, PricedCart priced) {
        return pointsOf(ruleSet, priced, r -> r.limits().capsMember());
    }

    private static Map<UUID, Long> pointsOf(RuleSet ruleSet, PricedCart priced, Predicate<Rule> which) {
        Map<UUID, Rule> byId = new HashMap<>();
        ruleSet.rules().forEach(r -> byId.put(r.id(), r));
        Map<UUID, Long> points = new HashMap<>();
        for (PricedCart.AppliedRule a : priced.applied()) {
            Rule rule = a.ruleId() == null ? null : byId.get(a.ruleId());
            if (rule != null && which.test(rule) && a.points() > 0) {
                points.merge(rule.id(), a.points(), Long::sum);
            }
        }
        return points;
    }

    private static LocalDate today(Context c) {
        return c.cart().occurredAt().atZone(c.tenant().timezone()).toLocalDate();
    }

    /**
     * The share cap may lower a redemption below the program's minimum: a check too small to take
     * the minimum is refused rather than quietly redeeming fewer points than the program allows.
     */
    private static void checkRedeemedMinimum(PricedCart priced, Program program) {
        if (priced.pointsRedeemed() > 0 && priced.pointsRedeemed() < program.minRedeemPoints()) {
            throw new ApiProblem(422, "below_min_redeem", "This check allows at most " + priced.pointsRedeemed()
                    + " points to be redeemed (maxRedeemShare), below the minimum of " + program.minRedeemPoints(),
                    List.of(new ApiProblem.FieldError("redeemPoints", "the check is too small to redeem the minimum")),
                    Map.of("maxRedeemable", priced.pointsRedeemed()));
        }
    }

    private static void checkRedemption(long redeem, long available, Program program) {
        if (redeem <= 0) {
            return;
        }
        if (redeem > available) {
            throw new ApiProblem(409, "insufficient_points", "The member has " + Math.max(0, available)
                    + " points available, " + redeem + " requested", List.of(), Map.of("available", available));
        }
        if (redeem < program.minRedeemPoints()) {
            throw new ApiProblem(422, "below_min_redeem", "At least " + program.minRedeemPoints()
                    + " points must be redeemed at once", List.of(new ApiProblem.FieldError("redeemPoints",
                    "below minRedeemPoints " + program.minRedeemPoints())), Map.of());
        }
    }

    private Instant availableAt(Context c) {
        return c.cart().occurredAt().plus(Duration.ofDays(c.program().pendingDays()));
    }

    private long pendingPart(Context c, long earned) {
        return availableAt(c).isAfter(c.now()) ? earned : 0;
    }

    private static Instant expiresAt(Program program, Instant from, Tenant tenant) {
        return program.expiry().expiresAt(from, tenant.timezone()).orElse(null);
    }

    private static Instant inactivityExpiry(Program program, Instant now, Tenant tenant) {
        return program.expiry().mode() == ExpiryPolicy.Mode.AFTER_INACTIVITY ? expiresAt(program, now, tenant) : null;
    }

    private static Receipt.BalanceAfter projected(Account account, PricedCart priced, long pending) {
        Account after = account.after(priced.pointsRedeemed(), priced.pointsEarned(), pending == 0, priced.payable(),
                1, account.lastActivityAt() == null ? Instant.EPOCH : account.lastActivityAt());
        return new Receipt.BalanceAfter(after.available(), after.pending());
    }

    private Receipt receipt(String id, String externalId, Context c, PricedCart priced, long pending,
                            Receipt.BalanceAfter balance, Receipt.TierView tier, long rulesVersion) {
        int scale = c.cart().scale();
        List<Receipt.AppliedRuleView> applied = priced.applied().stream()
                .map(a -> new Receipt.AppliedRuleView(a.ruleId() == null ? null : a.ruleId().toString(), a.name(), a.points(),
                        money(a.discount(), scale), a.explanation()))
                .toList();
        return new Receipt(id, externalId, c.member() == null ? null : c.member().id().toString(),
                money(priced.subtotal(), scale), money(priced.discount(), scale), priced.pointsRedeemed(),
                money(priced.redeemValue(), scale), money(priced.payable(), scale), priced.pointsEarned(), pending,
                balance, applied, List.of(), List.of(), tier,
                priced.applied().stream().map(PricedCart.AppliedRule::explanation).toList(), c.program().version(),
                rulesVersion);
    }

    private static String ruleNames(PricedCart priced) {
        return String.join(" + ", priced.applied().stream().map(PricedCart.AppliedRule::name).toList());
    }

    private static String explanation(PricedCart priced) {
        return String.join("; ", priced.applied().stream().map(PricedCart.AppliedRule::explanation).toList());
    }

    private static List<Text> explanationData(PricedCart priced) {
        return priced.applied().stream().map(PricedCart.AppliedRule::explanationData).toList();
    }

    private static String channel(PurchaseOrder order) {
        return order.channel() == null || order.channel().isBlank() ? "pos" : order.channel();
    }

    static String money(BigDecimal amount, int scale) {
        return amount.setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }
}
