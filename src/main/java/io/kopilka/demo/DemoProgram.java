package io.kopilka.demo;

import io.kopilka.shared.RuleId;
import io.kopilka.member.Member;
import io.kopilka.member.Members;
import io.kopilka.memberaccess.WalletAccess;
import io.kopilka.program.ExpiryPolicy;
import io.kopilka.program.Program;
import io.kopilka.program.Programs;
import io.kopilka.purchase.PurchaseOrder;
import io.kopilka.purchase.Purchases;
import io.kopilka.shared.PurchaseId;
import io.kopilka.tenant.Caller;
import io.kopilka.purchase.ReturnOrder;
import io.kopilka.rules.RuleDocument;
import io.kopilka.rules.Rules;
import io.kopilka.shared.Ids;
import io.kopilka.shared.Now;
import io.kopilka.tenant.ApiKeys;
import io.kopilka.tenant.Role;
import io.kopilka.tenant.Stores;
import io.kopilka.tenant.Tenant;
import io.kopilka.tenant.Tenants;
import io.kopilka.tier.Benefits;
import io.kopilka.tier.Ladder;
import io.kopilka.tier.Level;
import io.kopilka.tier.Metric;
import io.kopilka.tier.Tiers;
import io.kopilka.tier.Window;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code --demo}: a barbershop in Almaty to look at. Seeded once; on every start with {@code --demo}
 * a fresh admin key is issued and printed, because keys are stored only as hashes and the one
 * printed last time cannot be shown again.
 */
@Component
class DemoProgram {
    static final String NAME = "Barber Bro (demo)";
    private static final Logger log = LoggerFactory.getLogger(DemoProgram.class);

    private final ApplicationArguments args;
    private final Tenants tenants;
    private final Stores stores;
    private final ApiKeys keys;
    private final Members members;
    private final Programs programs;
    private final Rules rules;
    private final Purchases purchases;
    private final Tiers tiers;
    private final DemoRewards rewards;
    private final DemoEngagement engagement;
    private final DemoNotifications notifications;
    private final DemoStaff staff;
    private final DemoWalkIns walkIns;
    private final WalletAccess walletAccess;
    private final Clock clock;
    private final String port;

    DemoProgram(ApplicationArguments args, Tenants tenants, Stores stores, ApiKeys keys, Members members,
                Programs programs, Rules rules, Purchases purchases, Tiers tiers, DemoRewards rewards,
                DemoEngagement engagement, DemoNotifications notifications, DemoStaff staff, DemoWalkIns walkIns,
                WalletAccess walletAccess, Clock clock, @Value("${local.server.port:${server.port:8080}}") String port) {
        this.rewards = rewards;
        this.engagement = engagement;
        this.notifications = notifications;
        this.staff = staff;
        this.walkIns = walkIns;
        this.walletAccess = walletAccess;
        this.programs = programs;
        this.rules = rules;
        this.purchases = purchases;
        this.tiers = tiers;
        this.args = args;
        this.tenants = tenants;
        this.stores = stores;
        this.keys = keys;
        this.members = members;
        this.clock = clock;
        this.port = port;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seedIfAsked() {
        if (!args.containsOption("demo")) {
            return;
        }
        Tenant tenant = tenants.byName(NAME).orElseGet(this::seed);
        String key = keys.issue(Caller.system(tenant.id()), "demo console " + LocalDate.now(clock), Role.ADMIN, null)
                .secret();
        String base = "http://localhost:" + port;
        List<DemoStaff.Login> logins = staff.signIns(tenant.id());
        // Aigerim's wallet without a code: a link good once, for a day, made anew at every start.
        Member aigerim = members.byPhone(tenant.id(), "8 701 123 45 67").orElseThrow();
        String walletLink = base + "/w/" + tenant.slug() + "/signin/link/" + walletAccess.signInLink(tenant.id(), aigerim.id());
        log.warn("""

                ============================================================
                Kopilka demo: {} ({}, {})
                  Admin console:  {}/admin
                    owner:        {}  password {}
                  Till (cashier): {}/till  {}  password {}
                  Customer wallet: {}/w/{}  (join, or sign in with a phone: the code is in the mailbox below)
                    Aigerim's card, signed in at once (one use): {}
                  Admin API key:  {}
                  Swagger UI:     {}/swagger-ui.html  (Authorize → paste the key)
                  OpenAPI:        {}/v3/api-docs
                  Health:         {}/actuator/health
                  Try:  curl -H 'Authorization: Bearer {}' {}/api/v1/members
                  A member's balance: GET /api/v1/members/{id}/balance and /history
                  Rewards and coupons: GET /api/v1/rewards, /api/v1/members/{id}/coupons, /api/v1/causes
                  Challenges: GET /api/v1/challenges, /api/v1/members/{id}/challenges, /referrals, /badges
                  Who changed what: GET /api/v1/audit
                  Messages to members (the demo's mailbox): GET /api/v1/notifications
                  Expiry reminders now: POST /api/v1/jobs/expiry_reminders/run
                ============================================================""",
                tenant.name(), tenant.currency().getCurrencyCode(), tenant.timezone(), base,
                logins.get(0).email(), logins.get(0).password(), base, logins.get(1).email(), logins.get(1).password(),
                base, tenant.slug(), walletLink, key, base, base, base, key, base);
    }

    private Tenant seed() {
        Tenant tenant = tenants.create(new Tenants.NewTenant(NAME, "KZT", "Asia/Almaty", "ru", null)).tenant();
        Caller owner = Caller.system(tenant.id());
        stores.create(owner, "dostyk", "Барбершоп на Достык");
        stores.create(owner, "abaya", "Барбершоп на Абая");
        record Person(String phone, String email, String name, String birth, String locale,
                      Map<String, Object> consents, Map<String, Object> attributes) {
        }
        // Consents as members would give them: Aigerim to everything, Daniyar to e-mail and offers, Maksim
        // to SMS only (which the demo has no gateway for: his messages show why they were not sent), Sam
        // to e-mail but not to offers.
        List<Person> people = List.of(
                new Person("8 701 123 45 67", "aigerim@example.kz", "Айгерим Сапарова", "1990-04-02", "kk",
                        Map.of("sms", true, "email", true, "marketing", true),
                        Map.of("kids", 2, "favouriteService", "beard")),
                new Person("+7 (702) 555-12-34", "daniyar@example.kz", "Данияр Ахметов", "1985-11-30", "ru",
                        Map.of("sms", false, "email", true, "marketing", true),
                        Map.of("favouriteService", "haircut", "barber", "Arman")),
                new Person("87475550011", null, "Максим Орлов", "1998-07-15", "ru", Map.of("sms", true),
                        Map.of("prefersMorning", true)),
                new Person("+77015550022", "sam@example.com", "Sam Walker", "1979-02-11", "en",
                        Map.of("email", true), Map.of()));
        Program settings = Program.defaults();
        programs.replace(tenant.id(), new Program(0, settings.pointValue(), settings.maxRedeemShare(), 100, 0,
                new ExpiryPolicy(ExpiryPolicy.Mode.AFTER_EARN, 12), List.of(30, 7), 500, 1000, settings.referral(),
                settings.maxBackdateDays()));
        List<RuleDocument> demoRules = new java.util.ArrayList<>(DemoRules.all());
        demoRules.addAll(DemoRules.seasonal(OffsetDateTime.now(clock.withZone(tenant.timezone()))));
        for (RuleDocument rule : demoRules) {
            rules.create(tenant.id(), rule.toRule(RuleId.next()));
        }
        tiers.replace(tenant.id(), new Ladder(Metric.SPEND, Window.rollingMonths(12), 30, List.of(
                new Level("base", "Новичок", BigDecimal.ZERO, false, null),
                new Level("silver", "Серебро", new BigDecimal("20000.00"), false,
                        new Benefits(new BigDecimal("1.5"), BigDecimal.ZERO, List.of("Бесплатный кофе"))),
                new Level("gold", "Золото", new BigDecimal("60000.00"), false,
                        new Benefits(new BigDecimal("2"), new BigDecimal("5"), List.of("Стрижка без записи"))),
                new Level("vip", "VIP", null, true,
                        new Benefits(new BigDecimal("2"), new BigDecimal("15"), List.of("Личный барбер")))), 0),
                2, "demo", Now.of(clock));
        List<Member> joined = people.stream().map(p -> members.join(tenant.id(), new Members.NewMember(p.phone(),
                p.email(), p.name(), p.birth(), p.locale(), null, p.consents(), p.attributes())))
                .toList();
        // The catalog and the challenges come before the history, so its visits count on the cards.
        DemoRewards.Catalog catalog = rewards.catalog(owner);
        engagement.program(owner, catalog.haircut());
        // A little history to look at: two visits each, 25 and 12 days ago, a redemption and a return.
        OffsetDateTime firstVisit = OffsetDateTime.now(clock).minusDays(25);
        OffsetDateTime secondVisit = OffsetDateTime.now(clock).minusDays(12);
        var haircut = new PurchaseOrder.Item("HAIRCUT", "Мужская стрижка", "service", BigDecimal.ONE,
                new BigDecimal("7000.00"));
        var oil = new PurchaseOrder.Item("BEARD-OIL", "Масло для бороды", "beard-care", BigDecimal.ONE,
                new BigDecimal("4500.00"));
        String firstPurchase = null;
        for (int i = 0; i < joined.size(); i++) {
            var ref = new PurchaseOrder.MemberReference(joined.get(i).id().toString(), null, null);
            String id = purchases.commit(owner, new PurchaseOrder("demo-" + i + "-1", "dostyk", "pos", firstVisit,
                    ref, List.of(haircut, oil), 0L, List.of()), null).body().id().toString();
            firstPurchase = firstPurchase == null ? id : firstPurchase;
            purchases.commit(owner, new PurchaseOrder("demo-" + i + "-2", "abaya", "pos", secondVisit, ref,
                    List.of(haircut), 300L, List.of()), null);
        }
        // As the owner would: no store restriction; idempotent by the externalId alone.
        purchases.returnGoods(owner, new PurchaseId(java.util.UUID.fromString(firstPurchase)),
                new ReturnOrder("demo-return-1", List.of(new ReturnOrder.ReturnedItem("BEARD-OIL", BigDecimal.ONE)), null),
                null);
        walkIns.seed(owner);
        rewards.seed(owner, catalog, joined);
        engagement.seed(owner, joined);
        notifications.seed(owner, joined);
        staff.notes(owner, joined);
        log.info("Seeded the demo tenant {}", tenant.id());
        return tenant;
    }
}
