package io.kopilka.rules;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a rule's conditions hold for a purchase: validity window, days and hours in the tenant's
 * time zone, stores, channels, tiers and the CEL condition. A condition that fails to evaluate makes
 * the rule not apply, and the reason is handed back for the log; it never fails the purchase.
 */
public final class RuleConditions {
    private RuleConditions() {
    }

    public record Verdict(boolean applies, String error) {
        static final Verdict YES = new Verdict(true, null);
        static final Verdict NO = new Verdict(false, null);
    }

    /** The CEL view of one purchase, built at most once however many rules have conditions. */
    public static final class Activation {
        private final Cart cart;
        private final MemberSnapshot member;
        private Map<String, Object> purchaseMap;
        private Map<String, Object> memberMap;
        private ZonedDateTime local;

        /** When the purchase happened, on the tenant's clock: computed once for all rules. */
        ZonedDateTime local() {
            if (local == null) {
                local = cart.occurredAt().atZone(cart.zone());
            }
            return local;
        }

        public Activation(Cart cart, MemberSnapshot member) {
            this.cart = cart;
            this.member = member;
        }

        Map<String, Object> purchase() {
            if (purchaseMap == null) {
                purchaseMap = RuleConditions.purchase(cart);
            }
            return purchaseMap;
        }

        Map<String, Object> member() {
            if (memberMap == null) {
                memberMap = RuleConditions.member(member);
            }
            return memberMap;
        }
    }

    public static Verdict check(Rule rule, Cart cart, MemberSnapshot member) {
        return check(rule, cart, member, new Activation(cart, member));
    }

    public static Verdict check(Rule rule, Cart cart, MemberSnapshot member, Activation activation) {
        if (rule.validFrom() != null && cart.occurredAt().isBefore(rule.validFrom())) {
            return Verdict.NO;
        }
        if (rule.validTo() != null && !cart.occurredAt().isBefore(rule.validTo())) {
            return Verdict.NO;
        }
        ZonedDateTime local = activation.local();
        if (rule.daysOfWeek() != null && !rule.daysOfWeek().isEmpty() && !rule.daysOfWeek().contains(local.getDayOfWeek())) {
            return Verdict.NO;
        }
        if (rule.hours() != null && !rule.hours().contains(local.toLocalTime())) {
            return Verdict.NO;
        }
        if (notIn(rule.stores(), cart.storeCode()) || notIn(rule.channels(), cart.channel())
                || notIn(rule.tiers(), member.tier())) {
            return Verdict.NO;
        }
        if (rule.condition() != null) {
            Condition.Result result = rule.condition().test(activation.purchase(), activation.member(),
                    cart.occurredAt());
            return result.error() != null ? new Verdict(false, result.error()) : result.holds() ? Verdict.YES : Verdict.NO;
        }
        return Verdict.YES;
    }

    /** A condition written elsewhere (a challenge's qualifier) over the purchase and the member, as rules see them. */
    public static Condition.Result test(Condition condition, Cart cart, MemberSnapshot member) {
        return condition.test(purchase(cart), member(member), cart.occurredAt());
    }

    private static boolean notIn(List<String> allowed, String value) {
        return allowed != null && !allowed.isEmpty() && (value == null || !allowed.contains(value));
    }

    /** {@code purchase} as CEL sees it: money as doubles (docs/api.md), items as maps. */
    static Map<String, Object> purchase(Cart cart) {
        List<Object> items = new ArrayList<>();
        double total = 0;
        for (Cart.Line line : cart.lines()) {
            Map<String, Object> item = new HashMap<>();
            item.put("sku", line.sku());
            item.put("name", line.name() == null ? "" : line.name());
            item.put("category", line.category() == null ? "" : line.category());
            item.put("quantity", line.quantity().doubleValue());
            item.put("unitPrice", line.unitPrice().doubleValue());
            items.add(item);
            total += line.quantity().multiply(line.unitPrice()).doubleValue();
        }
        return Map.of("total", total, "items", items, "storeCode", cart.storeCode(), "channel", cart.channel(),
                "occurredAt", cart.occurredAt());
    }

    /**
     * JSON numbers arrive as Integer or Float; CEL's int and double are Long and Double, and an
     * Integer would find no overload for {@code >=}. Nested maps and lists are converted too.
     */
    @SuppressWarnings("unchecked")
    static Object cel(Object value) {
        return switch (value) {
            case Integer i -> i.longValue();
            case Short s -> s.longValue();
            case Byte b -> b.longValue();
            case Float f -> f.doubleValue();
            case java.math.BigInteger b -> b.longValue();
            case java.math.BigDecimal d -> d.doubleValue();
            case Map<?, ?> map -> {
                Map<String, Object> out = new HashMap<>();
                ((Map<String, Object>) map).forEach((k, v) -> out.put(k, cel(v)));
                yield out;
            }
            case List<?> list -> list.stream().map(RuleConditions::cel).toList();
            case null -> "";
            default -> value;
        };
    }

    static Map<String, Object> member(MemberSnapshot m) {
        Map<String, Object> map = new HashMap<>();
        map.put("tier", m.tier() == null ? "" : m.tier());
        map.put("attributes", cel(m.attributes()));
        map.put("lifetimeSpend", m.lifetimeSpend().doubleValue());
        map.put("visits", (long) m.visits());
        map.put("segments", m.segments());
        map.put("birthDate", m.birthDate() == null ? "" : m.birthDate().toString());
        if (m.joinedAt() != null) {
            map.put("joinedAt", m.joinedAt());
        }
        map.put("known", m.known());
        return map;
    }
}
