package io.kopilka.purchase.internal;

import io.kopilka.shared.RuleId;
import io.kopilka.shared.Money;
import io.kopilka.ledger.Account;
import io.kopilka.ledger.Ledger;
import io.kopilka.member.Member;
import io.kopilka.member.Members;
import io.kopilka.program.Program;
import io.kopilka.program.Programs;
import io.kopilka.purchase.PricingInput;
import io.kopilka.purchase.PurchaseOrder;
import io.kopilka.purchase.Receipt;
import io.kopilka.purchase.Simulation;
import io.kopilka.purchase.Simulations;
import io.kopilka.rules.Cart;
import io.kopilka.rules.PricedCart;
import io.kopilka.rules.Rule;
import io.kopilka.rules.RuleSet;
import io.kopilka.rules.Rules;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.Now;
import io.kopilka.shared.TenantId;
import io.kopilka.tenant.Tenant;
import io.kopilka.tenant.Tenants;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Runs draft rules against one purchase or the tenant's history, beside the live rules, and sums
 * what would change. Writes nothing. For history, each purchase keeps its own time, store, items
 * and redemption; members are taken as they are now, and per-member caps and budgets are left out
 * (they depend on the order purchases really came in).
 */
@Service
class Simulator implements Simulations {
    private static final int MAX_CHANGED_SHOWN = 100;

    private final PurchaseService purchases;
    private final PurchaseContexts contexts;
    private final PurchaseRepository repository;
    private final Rules rules;
    private final Tenants tenants;
    private final Programs programs;
    private final Members members;
    private final Ledger ledger;
    private final Clock clock;

    Simulator(PurchaseService purchases, PurchaseContexts contexts, PurchaseRepository repository, Rules rules, Tenants tenants,
              Programs programs, Members members, Ledger ledger, Clock clock) {
        this.purchases = purchases;
        this.contexts = contexts;
        this.repository = repository;
        this.rules = rules;
        this.tenants = tenants;
        this.programs = programs;
        this.members = members;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    public Simulation onePurchase(TenantId tenant, List<Rule> drafts, PurchaseOrder order) {
        drafts.forEach(d -> rules.checkTargets(tenant, d));
        PurchaseOrder named = order.externalId() == null ? new PurchaseOrder("simulation", order.storeCode(),
                order.channel(), order.occurredAt(), order.member(), order.items(), order.redeemPoints(),
                order.couponCodes()) : order;
        RuleSet live = rules.current(tenant);
        Receipt draft = purchases.quote(tenant, named, new RuleSet(live.version(), sorted(drafts)));
        Receipt current = purchases.quote(tenant, named, live);
        return new Simulation(draft, current, null, List.of());
    }

    @Override
    public Simulation history(TenantId tenantId, List<Rule> drafts, int lastPurchases) {
        drafts.forEach(d -> rules.checkTargets(tenantId, d));
        Tenant tenant = tenants.get(tenantId);
        Program program = programs.of(tenantId);
        RuleSet live = rules.current(tenantId);
        RuleSet draft = new RuleSet(live.version(), sorted(drafts));
        Instant now = Now.of(clock);
        Map<UUID, Optional<Member>> memberCache = new HashMap<>();
        Map<UUID, Account> accounts = new HashMap<>();
        Map<UUID, List<PricingInput>> inputs = new HashMap<>();
        long livePoints = 0;
        long draftPoints = 0;
        BigDecimal liveDiscount = BigDecimal.ZERO;
        BigDecimal draftDiscount = BigDecimal.ZERO;
        Set<UUID> affected = new HashSet<>();
        List<Simulation.Changed> changed = new ArrayList<>();
        List<PurchaseRepository.PastPurchase> past = repository.last(tenantId, lastPurchases);
        for (PurchaseRepository.PastPurchase p : past) {
            Member member = p.memberId() == null ? null : memberCache.computeIfAbsent(p.memberId(),
                    id -> members.byId(tenantId, new MemberId(id))).orElse(null);
            Account account = member == null ? null : accounts.computeIfAbsent(p.memberId(),
                    id -> ledger.peek(tenantId, new MemberId(id), now));
            Cart cart = new Cart(p.occurredAt(), p.storeCode(), p.channel(), p.lines(), tenant.currency(),
                    tenant.timezone());
            List<PricingInput> memberInputs = member == null ? List.of() : inputs.computeIfAbsent(p.memberId(),
                    id -> contexts.contribution(tenantId, member, List.of()).inputs());
            // No caps, no budgets: they depend on the order purchases really came in.
            PricedCart a = CartPricer.price(tenantId, cart, program, member, memberInputs, account,
                    p.pointsRedeemed(), live, Map.of());
            PricedCart b = CartPricer.price(tenantId, cart, program, member, memberInputs, account,
                    p.pointsRedeemed(), draft, Map.of());
            livePoints += a.pointsEarned();
            draftPoints += b.pointsEarned();
            liveDiscount = liveDiscount.add(a.discount());
            draftDiscount = draftDiscount.add(b.discount());
            if (a.pointsEarned() != b.pointsEarned() || a.discount().compareTo(b.discount()) != 0) {
                if (p.memberId() != null) {
                    affected.add(p.memberId());
                }
                if (changed.size() < MAX_CHANGED_SHOWN) {
                    changed.add(new Simulation.Changed(p.id().toString(),
                            p.memberId() == null ? null : p.memberId().toString(), a.pointsEarned(), b.pointsEarned(),
                            Money.of(a.discount(), tenant.currency()), Money.of(b.discount(), tenant.currency())));
                }
            }
        }
        Currency currency = tenant.currency();
        Simulation.Figures liveFigures = figures(livePoints, liveDiscount, program, currency);
        Simulation.Figures draftFigures = figures(draftPoints, draftDiscount, program, currency);
        Simulation.Figures difference = figures(draftPoints - livePoints, draftDiscount.subtract(liveDiscount), program,
                currency);
        return new Simulation(null, null, new Simulation.Totals(past.size(), liveFigures, draftFigures, difference,
                affected.size()), changed);
    }

    private static List<Rule> sorted(List<Rule> drafts) {
        return drafts.stream().sorted(java.util.Comparator.comparingInt(Rule::priority).reversed()).toList();
    }

    private static Simulation.Figures figures(long points, BigDecimal discount, Program program, Currency currency) {
        return new Simulation.Figures(points, Money.of(discount, currency),
                Money.of(program.pointValue().multiply(BigDecimal.valueOf(points)), currency));
    }
}
