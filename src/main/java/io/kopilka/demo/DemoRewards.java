package io.kopilka.demo;

import io.kopilka.cause.Cause;
import io.kopilka.cause.CauseValidation;
import io.kopilka.cause.Causes;
import io.kopilka.gift.Gift;
import io.kopilka.gift.Gifts;
import io.kopilka.ledger.Ledger;
import io.kopilka.member.Member;
import io.kopilka.program.Program;
import io.kopilka.program.Programs;
import io.kopilka.purchase.PurchaseOrder;
import io.kopilka.purchase.Purchases;
import io.kopilka.reward.CatalogReward;
import io.kopilka.reward.Coupon;
import io.kopilka.reward.RewardCatalog;
import io.kopilka.reward.RewardDocument;
import io.kopilka.reward.Redemptions;
import io.kopilka.rules.RuleDocument;
import io.kopilka.rules.Rules;
import io.kopilka.shared.Now;
import io.kopilka.shared.RuleId;
import io.kopilka.tenant.Caller;
import io.kopilka.wallet.Goals;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo barbershop's rewards: three for points (a free haircut, 20% off styling products, a
 * themed family dinner), a cause (a tree for 500 points, and one from the shop for every big
 * check), a staff gift limit, a member saving for the dinner, and a few redemptions, one of them
 * used at the till. Written through the same facades as the API, as the owner would.
 */
@Component
class DemoRewards {
    private static final Logger log = LoggerFactory.getLogger(DemoRewards.class);

    private final RewardCatalog catalog;
    private final Redemptions redemptions;
    private final Causes causes;
    private final Gifts gifts;
    private final Goals goals;
    private final Programs programs;
    private final Rules rules;
    private final Purchases purchases;
    private final Ledger ledger;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final Clock clock;

    DemoRewards(RewardCatalog catalog, Redemptions redemptions, Causes causes, Gifts gifts, Goals goals,
                Programs programs, Rules rules, Purchases purchases, Ledger ledger, TransactionTemplate tx,
                JsonMapper json, Clock clock) {
        this.catalog = catalog;
        this.redemptions = redemptions;
        this.causes = causes;
        this.gifts = gifts;
        this.goals = goals;
        this.programs = programs;
        this.rules = rules;
        this.purchases = purchases;
        this.ledger = ledger;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
    }

    /** The three rewards of the catalog, before any member buys. */
    record Catalog(CatalogReward haircut, CatalogReward styling, CatalogReward dinner) {
    }

    Catalog catalog(Caller owner) {
        CatalogReward haircut = reward(owner, """
                {"name": "Бесплатная стрижка", "names": {"kk": "Тегін шаш қию", "en": "Free haircut"},
                 "description": "Мужская стрижка у любого мастера",
                 "descriptions": {"kk": "Кез келген шеберден ерлер шаш қиюы", "en": "A men's haircut by any barber"},
                 "kind": "free_item", "costPoints": 3000, "itemFilter": {"skus": ["HAIRCUT"]},
                 "couponValidDays": 60}""");
        CatalogReward styling = reward(owner, """
                {"name": "−20% на средства для укладки", "names": {"kk": "Сәндеу құралдарына −20%",
                 "en": "20% off styling products"}, "kind": "percent_off", "percent": "20", "costPoints": 1500,
                 "itemFilter": {"categories": ["styling"]}, "stock": 50, "perMemberLimit": 2, "couponValidDays": 30}""");
        CatalogReward dinner = reward(owner, """
                {"name": "Семейный ужин в стиле барбершопа", "names": {"kk": "Барбершоп стиліндегі отбасылық кешкі ас",
                 "en": "A barbershop-themed family dinner"},
                 "description": "Ужин на четверых в нашем лаунже; напишите в заметке, что любит семья",
                 "kind": "experience", "costPoints": 15000, "stock": 10, "couponValidDays": 90}""");
        return new Catalog(haircut, styling, dinner);
    }

    /**
     * The program's staff gift limit, the cause and its rule, and what members did with them.
     *
     * @param members Aigerim (kk), Daniyar, Maxim (ru) and Sam (en), as the demo seeds them
     */
    void seed(Caller owner, Catalog catalog, List<Member> members) {
        CatalogReward haircut = catalog.haircut();
        CatalogReward styling = catalog.styling();
        CatalogReward dinner = catalog.dinner();
        Program program = programs.of(owner.tenant());
        programs.replace(owner.tenant(), new Program(program.version(), program.pointValue(),
                program.maxRedeemShare(), program.minRedeemPoints(), program.pendingDays(), program.expiry(),
                program.expiryReminderDays(), program.welcomePoints(), program.birthdayPoints(), program.referral(),
                program.maxBackdateDays(), new Program.StaffGifts(1000, List.of(haircut.reward().id().toString())),
                program.birthday(), program.winBack(), program.redemptionConfirmationAbove()));

        Cause trees = tx.execute(status -> causes.create(owner, CauseValidation.check(new CauseValidation.Input(
                "Посади дерево", Map.of("kk", "Ағаш ек", "en", "Plant a tree"),
                "Каждые 500 баллов — саженец в парке у Весновки", Map.of("ru", "дерево", "kk", "ағаш", "en", "tree"),
                Map.of("ru", Map.of("one", "дерево", "few", "дерева", "many", "деревьев")),
                Map.of("ru", "посадили", "kk", "отырғыздық", "en", "planted"), 500L, 1000L, true)), now()));
        rules.create(owner.tenant(), json.readValue("""
                {"name": "Дерево от нас за чек от 15 000 ₸", "kind": "cause_contribution", "causeId": "%s",
                 "units": 1, "condition": "purchase.total >= 15000.0"}""".formatted(trees.id()), RuleDocument.class)
                .toRule(RuleId.next()));

        Member aigerim = members.get(0);
        Member daniyar = members.get(1);
        Member maxim = members.get(2);
        // A long wait on a busy Saturday: the manager makes up for it, within the day's limit.
        gifts.givePoints(owner, daniyar, (Gift.PointsGift) Gift.of(1500L, null, "долгое ожидание",
                "Ждал мастера 40 минут"), now());
        redeemIfEnough(owner, daniyar, haircut);
        redeemIfEnough(owner, maxim, styling).ifPresent(coupon -> purchases.commit(owner, new PurchaseOrder(
                "demo-styling-1", "dostyk", "pos", null,
                new PurchaseOrder.MemberReference(maxim.id().toString(), null, null),
                List.of(new PurchaseOrder.Item("WAX", "Воск для укладки", "styling", BigDecimal.ONE,
                        new BigDecimal("4500.00"))), 0L, List.of(coupon.displayCode())), null));
        tx.executeWithoutResult(status -> causes.donate(owner, aigerim, trees.id(), 500, now()));
        goals.set(owner.tenant(), aigerim.id(), dinner.reward().id().toString(), null, null);
    }

    private CatalogReward reward(Caller owner, String document) {
        return catalog.create(owner, json.readValue(document, RewardDocument.class));
    }

    /** The demo's points depend on the day (double points on Tuesdays): redeem only what the member can pay. */
    private java.util.Optional<Coupon> redeemIfEnough(Caller owner, Member member, CatalogReward reward) {
        long available = ledger.balance(owner.tenant(), member.id(), now()).available();
        if (available < reward.reward().costPoints()) {
            log.info("Demo: {} has {} points, not enough for {}", member.name(), available, reward.reward().name().name());
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(redemptions.redeem(owner, member, reward.reward().id().toString(), null, now())
                .coupon());
    }

    private Instant now() {
        return Now.of(clock);
    }
}
