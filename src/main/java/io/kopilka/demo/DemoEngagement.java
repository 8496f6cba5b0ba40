package io.kopilka.demo;

import io.kopilka.engagement.ChallengeDocument;
import io.kopilka.engagement.Challenges;
import io.kopilka.member.Member;
import io.kopilka.member.Members;
import io.kopilka.program.Program;
import io.kopilka.program.Programs;
import io.kopilka.purchase.PurchaseOrder;
import io.kopilka.purchase.Purchases;
import io.kopilka.reward.CatalogReward;
import io.kopilka.reward.RewardCatalog;
import io.kopilka.reward.RewardDocument;
import io.kopilka.shared.Now;
import io.kopilka.tenant.Caller;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo barbershop's engagement: the stamp card "every 6th haircut free" (two stamps given at
 * joining, the endowed-progress effect), "3 visits within 60 days → 20% off shampoo and styling",
 * a referral program (500 / 300 points at the friend's first check from 3 000 ₸), a birthday gift
 * and a win-back coupon after 60 days; and members in the middle of each: cards half full, a friend
 * who joined by Daniyar's code and has not bought yet, a member whose birthday is in three days.
 */
@Component
class DemoEngagement {
    private final Challenges challenges;
    private final RewardCatalog catalog;
    private final Programs programs;
    private final Members members;
    private final Purchases purchases;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final Clock clock;

    DemoEngagement(Challenges challenges, RewardCatalog catalog, Programs programs, Members members,
                   Purchases purchases, TransactionTemplate tx, JsonMapper json, Clock clock) {
        this.challenges = challenges;
        this.catalog = catalog;
        this.programs = programs;
        this.members = members;
        this.purchases = purchases;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The challenges, their rewards and the program's referral, birthday and win-back settings,
     * before the demo's history, so that its visits count.
     *
     * @param haircut the free haircut reward, the stamp card's prize
     */
    void program(Caller owner, CatalogReward haircut) {
        CatalogReward careDiscount = catalog.create(owner, json.readValue("""
                {"name": "−20% на шампуни и укладку", "names": {"kk": "Сусабын мен сәндеуге −20%",
                 "en": "20% off shampoo and styling"}, "kind": "percent_off", "percent": "20",
                 "itemFilter": {"categories": ["shampoo", "styling"]}, "couponValidDays": 30}""",
                RewardDocument.class));
        CatalogReward comeBack = catalog.create(owner, json.readValue("""
                {"name": "Скидка 2 000 ₸ — мы соскучились", "names": {"kk": "2 000 ₸ жеңілдік — сізді сағындық",
                 "en": "2 000 ₸ off: we missed you"}, "kind": "amount_off", "amount": "2000",
                 "couponValidDays": 30}""", RewardDocument.class));
        tx.executeWithoutResult(status -> {
            challenges.create(owner, json.readValue("""
                    {"name": "Каждая 6-я стрижка бесплатно", "names": {"kk": "Әр 6-шы шаш қию тегін",
                     "en": "Every 6th haircut free"}, "metric": "visits", "target": 6, "repeat": true,
                     "oncePerDay": true, "headStart": 2, "qualifier": {"itemFilter": {"skus": ["HAIRCUT"]}},
                     "reward": {"rewardId": "%s", "badge": "regular"}}""".formatted(haircut.reward().id()),
                    ChallengeDocument.class).toDraft(), Now.of(clock));
            challenges.create(owner, json.readValue("""
                    {"name": "3 визита за 60 дней", "names": {"kk": "60 күнде 3 келу", "en": "3 visits in 60 days"},
                     "metric": "visits", "target": 3, "window": {"days": 60}, "repeat": true, "oncePerDay": true,
                     "reward": {"rewardId": "%s"}}""".formatted(careDiscount.reward().id()),
                    ChallengeDocument.class).toDraft(), Now.of(clock));
        });
        Program p = programs.of(owner.tenant());
        programs.replace(owner.tenant(), new Program(p.version(), p.pointValue(), p.maxRedeemShare(),
                p.minRedeemPoints(), p.pendingDays(), p.expiry(), p.expiryReminderDays(), p.welcomePoints(),
                1000, new Program.Referral(500, 300, new BigDecimal("3000.00"), 10), p.maxBackdateDays(),
                p.staffGifts(), new Program.Birthday(1000, null, 0, 14),
                new Program.WinBack(60, 0, comeBack.reward().id().toString(), 180, null),
                p.redemptionConfirmationAbove()));
    }

    /** Members in the middle of each: a friend not yet rewarded, a birthday soon, a card one stamp short. */
    void seed(Caller owner, List<Member> seeded) {
        Member daniyar = seeded.get(1);
        LocalDate inThreeDays = LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Almaty"))).plusDays(3);
        // Joined by Daniyar's link; her first check from 3 000 ₸ will reward them both.
        members.join(owner.tenant(), new Members.NewMember("+77017770033", null, "Алия Нурланова",
                inThreeDays.withYear(1996).toString(), "ru", daniyar.referralCode(), Map.of("sms", true), Map.of()));
        // Sam's third visit in 60 days, today: the care discount is his, and his card shows 5 of 6
        // (two stamps at joining, three haircuts).
        purchases.commit(owner, new PurchaseOrder("demo-3-3", "dostyk", "pos", null,
                new PurchaseOrder.MemberReference(seeded.get(3).id().toString(), null, null),
                List.of(new PurchaseOrder.Item("HAIRCUT", "Мужская стрижка", "service", BigDecimal.ONE,
                        new BigDecimal("7000.00"))), 0L, List.of()), null);
    }
}
