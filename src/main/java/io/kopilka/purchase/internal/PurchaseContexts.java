package io.kopilka.purchase.internal;

import io.kopilka.member.Member;
import io.kopilka.member.MemberRef;
import io.kopilka.member.Members;
import io.kopilka.program.Program;
import io.kopilka.program.Programs;
import io.kopilka.purchase.OrderValidation;
import io.kopilka.purchase.PricingInput;
import io.kopilka.purchase.PurchaseOrder;
import io.kopilka.purchase.PurchaseParticipant;
import io.kopilka.purchase.ReceiptPart;
import io.kopilka.rules.Cart;
import io.kopilka.shared.Money;
import io.kopilka.shared.Now;
import io.kopilka.shared.TenantId;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.tenant.Stores;
import io.kopilka.tenant.Tenant;
import io.kopilka.tenant.Tenants;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Reads and checks what a purchase needs before the member's lock: the tenant and program, the
 * order's validity and store, the member, the cart, and what the participants tell pricing.
 */
@Component
class PurchaseContexts {
    private final Tenants tenants;
    private final Stores stores;
    private final Members members;
    private final Programs programs;
    private final List<PurchaseParticipant> participants;
    private final Clock clock;

    PurchaseContexts(Tenants tenants, Stores stores, Members members, Programs programs,
                     List<PurchaseParticipant> participants, Clock clock) {
        this.tenants = tenants;
        this.stores = stores;
        this.members = members;
        this.programs = programs;
        this.participants = participants;
        this.clock = clock;
    }

    PurchaseContext prepare(TenantId tenantId, PurchaseOrder order) {
        Tenant tenant = tenants.get(tenantId);
        Program program = programs.of(tenantId);
        Instant now = Now.of(clock);
        OrderValidation.check(order, now, program.maxBackdateDays(), Money.scaleOf(tenant.currency()));
        if (stores.byCode(tenantId, order.storeCode()).isEmpty()) {
            throw new ApiProblem(422, "unknown_store", "There is no store with code '" + order.storeCode() + "'",
                    List.of(new ApiProblem.FieldError("storeCode", "unknown store")), Map.of());
        }
        Member member = order.member() == null ? null : members.resolve(tenantId,
                new MemberRef(order.member().id(), order.member().phone(), order.member().card()));
        Instant occurredAt = order.occurredAt() == null ? now : order.occurredAt().toInstant();
        List<Cart.Line> lines = order.items().stream()
                .map(i -> new Cart.Line(i.sku(), i.name(), i.category(), i.quantity(), i.unitPrice())).toList();
        Cart cart = new Cart(occurredAt, order.storeCode(), PurchaseContext.channel(order), lines, tenant.currency(),
                tenant.timezone());
        List<String> codes = order.couponCodes() == null ? List.of() : order.couponCodes();
        PurchaseParticipant.Contribution contribution = contribution(tenantId, member, codes);
        long coupons = contribution.inputs().stream().filter(PricingInput.Coupon.class::isInstance).count();
        if (coupons != codes.size()) {
            // The module that owns coupons answers for every code or refuses; this is the guard
            // that a code is never silently ignored (a coupon the customer thinks was used).
            throw new IllegalStateException(codes.size() + " coupon codes sent, " + coupons + " priced");
        }
        return new PurchaseContext(tenant, program, order, member, cart, now, contribution.inputs(),
                contribution.quoted());
    }

    /**
     * What every participant tells pricing about the member, and says in a quote; nothing for a guest.
     *
     * @param couponCodes as the till sent them; empty when repricing past purchases
     */
    PurchaseParticipant.Contribution contribution(TenantId tenant, Member member, List<String> couponCodes) {
        if (member == null) {
            return PurchaseParticipant.Contribution.NONE;
        }
        List<PricingInput> inputs = new ArrayList<>();
        List<ReceiptPart> quoted = new ArrayList<>();
        for (PurchaseParticipant participant : participants) {
            PurchaseParticipant.Contribution c = participant.beforePricing(tenant, member.id(), couponCodes);
            inputs.addAll(c.inputs());
            quoted.addAll(c.quoted());
        }
        return new PurchaseParticipant.Contribution(List.copyOf(inputs), List.copyOf(quoted));
    }
}
