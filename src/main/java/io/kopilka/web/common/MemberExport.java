package io.kopilka.web.common;

import io.kopilka.engagement.Challenges;
import io.kopilka.ledger.Entry;
import io.kopilka.ledger.Ledger;
import io.kopilka.member.ConsentChange;
import io.kopilka.member.Consents;
import io.kopilka.member.Member;
import io.kopilka.notification.NoticeMessage;
import io.kopilka.notification.NotificationLogs;
import io.kopilka.referral.Referrals;
import io.kopilka.reward.Coupon;
import io.kopilka.reward.Coupons;
import io.kopilka.shared.Now;
import io.kopilka.shared.TenantId;
import io.kopilka.tenant.Tenant;
import io.kopilka.tenant.Tenants;
import io.kopilka.tier.Tiers;
import io.kopilka.wallet.WalletBalance;
import io.kopilka.wallet.Wallets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The member's data as one JSON document, gathered from the same facades the page reads (the API has
 * no export of its own), for the console's member page and the member's own wallet: the record, consents and their history, balance, every ledger entry, level,
 * coupons, stamp cards, friends invited and the messages sent. Times in the business's zone.
 */
@Component
public class MemberExport {
    /** A member with more than this many lines in one list is exported up to it; none has come near. */
    private static final int MAX_ROWS = 10_000;
    private static final int BATCH = 200;

    private final Wallets wallets;
    private final Ledger ledger;
    private final Tiers tiers;
    private final Coupons coupons;
    private final Challenges challenges;
    private final Referrals referrals;
    private final Consents consents;
    private final NotificationLogs notifications;
    private final Tenants tenants;
    private final JsonMapper json;
    private final Clock clock;

    MemberExport(Wallets wallets, Ledger ledger, Tiers tiers, Coupons coupons, Challenges challenges,
                 Referrals referrals, Consents consents, NotificationLogs notifications, Tenants tenants,
                 JsonMapper json, Clock clock) {
        this.wallets = wallets;
        this.ledger = ledger;
        this.tiers = tiers;
        this.coupons = coupons;
        this.challenges = challenges;
        this.referrals = referrals;
        this.consents = consents;
        this.notifications = notifications;
        this.tenants = tenants;
        this.json = json;
        this.clock = clock;
    }

    public byte[] of(TenantId tenant, Member m) {
        Tenant business = tenants.get(tenant);
        ZoneId zone = business.timezone();
        Instant now = Now.of(clock);
        String language = m.locale().tag();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("exportedAt", at(now, zone));
        doc.put("business", business.name());
        doc.put("member", member(m, zone));
        WalletBalance balance = wallets.balance(tenant, m.id(), now);
        doc.put("balance", map("available", balance.available(), "pending", balance.pending(),
                "value", balance.value().plain(), "currency", business.currency().getCurrencyCode(),
                "expiring", balance.expiring().stream().map(e -> map("points", e.points(),
                        "expiresAt", at(e.expiresAt(), zone))).toList()));
        doc.put("tier", m.erased() ? null : tiers.progress(tenant, m.id(), now).orElse(null));
        doc.put("history", MemberExport.<Entry>all(after -> ledger.history(tenant, m.id(), after == null ? null : after.createdAt(),
                after == null ? null : after.id(), BATCH), e -> map("type", e.type().code(), "points", e.points(),
                "createdAt", at(e.createdAt(), zone), "expiresAt", at(e.expiresAt(), zone),
                "note", e.noteIn(language))));
        doc.put("consentHistory", MemberExport.<ConsentChange>all(after -> consents.history(tenant, m.id(), after == null ? null : after.at(),
                after == null ? null : after.id(), BATCH), (ConsentChange c) -> map("consent", c.channel(),
                "granted", c.granted(), "at", at(c.at(), zone), "source", c.source(), "detail", c.detail())));
        doc.put("coupons", MemberExport.<Coupon>all(after -> coupons.ofMember(tenant, m.id(), null, after == null ? null : after.issuedAt(),
                after == null ? null : after.id(), BATCH, now), (Coupon c) -> map("code", c.displayCode(),
                "reward", c.terms().name().in(language), "status", c.statusAt(now).code(),
                "source", c.source().code(), "issuedAt", at(c.issuedAt(), zone), "expiresAt", at(c.expiresAt(), zone))));
        doc.put("challenges", challenges.ofMember(tenant, m.id(), now).stream().map(c -> map("name",
                c.name().in(language), "progress", c.progress().stripTrailingZeros().toPlainString(),
                "target", c.target().stripTrailingZeros().toPlainString(), "completions", c.completions())).toList());
        Referrals.Summary invited = referrals.of(tenant, m.id());
        doc.put("referrals", map("code", m.referralCode(), "pointsEarned", invited.pointsEarned(),
                "invited", invited.invited().stream().map(i -> map("memberId", i.memberId().toString(),
                        "joinedAt", at(i.joinedAt(), zone), "status", i.status().code())).toList()));
        doc.put("notifications", MemberExport.<NoticeMessage>all(after -> notifications.page(tenant, m.id(), null, null,
                after == null ? null : after.createdAt(), after == null ? null : after.id(), BATCH),
                (NoticeMessage n) -> map("kind", n.kind().code(), "channel", n.channel() == null ? null
                        : n.channel().code(), "to", n.to(), "status", n.status().code(), "subject", n.subject(),
                        "body", n.body(), "createdAt", at(n.createdAt(), zone), "sentAt", at(n.sentAt(), zone))));
        return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(doc);
    }

    private static Map<String, Object> member(Member m, ZoneId zone) {
        return map("id", m.id().toString(), "name", m.name(), "phone", m.phone(), "email", m.email(),
                "birthDate", m.birthDate() == null ? null : m.birthDate().toString(), "language", m.locale().tag(),
                "cardNumber", m.cardNumber(), "referralCode", m.referralCode(), "consents", m.consents(),
                "attributes", m.attributes(), "joinedAt", at(m.createdAt(), zone),
                "updatedAt", at(m.updatedAt(), zone), "erased", m.erased());
    }

    /** Reads a keyset-paged list to its end (or {@link #MAX_ROWS}), each batch after the last row of the one before. */
    private static <R> List<Map<String, Object>> all(Function<R, List<R>> batchAfter, Function<R, Map<String, Object>> view) {
        List<Map<String, Object>> rows = new ArrayList<>();
        R last = null;
        while (rows.size() < MAX_ROWS) {
            List<R> batch = batchAfter.apply(last);
            batch.forEach(r -> rows.add(view.apply(r)));
            if (batch.size() < BATCH) {
                break;
            }
            last = batch.getLast();
        }
        return rows;
    }

    private static String at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime().toString();
    }

    /** A JSON object in this key order; unlike {@code Map.of} it keeps nulls (a field not set shows as null). */
    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
