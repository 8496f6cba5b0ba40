package io.kopilka.faq;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.program.ExpiryPolicy;
import io.kopilka.program.Program;
import io.kopilka.rules.Rule;
import io.kopilka.shared.RuleId;
import io.kopilka.shared.Text;
import io.kopilka.shared.Texts;
import io.kopilka.tier.Benefits;
import io.kopilka.tier.Ladder;
import io.kopilka.tier.Level;
import io.kopilka.tier.Metric;
import io.kopilka.tier.Window;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The sentences customers read, word for word: they are the product. */
class ProgramExplanationTest {
    private static final Currency KZT = Currency.getInstance("KZT");
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    /** The café of seed 002: 5% back, 1 point = 1 ₸, up to 30%, 12 months, reminders 30 and 7 days before. */
    private static List<Text> cafe() {
        Program program = new Program(1, new BigDecimal("1.00"), new BigDecimal("0.30"), 0, 0,
                new ExpiryPolicy(ExpiryPolicy.Mode.AFTER_EARN, 12), List.of(7, 30), 0, 0,
                new Program.Referral(0, 0, BigDecimal.ZERO), 30);
        return ProgramExplanation.of(program, KZT, List.of(percent("Кэшбэк", "5")), Ladder.none(), NOW);
    }

    @Test
    void theCafeInRussian() {
        assertThat(render(cafe(), "ru")).containsExactly(
                "5% от каждой покупки возвращается вам баллами.",
                "1 балл = 1 ₸.",
                "Баллами можно оплатить до 30% покупки.",
                "Баллы действуют 12 месяцев с покупки, за которую начислены.",
                "Мы напомним за 30 и 7 дней до того, как баллы сгорят.");
    }

    @Test
    void theCafeInKazakh() {
        assertThat(render(cafe(), "kk")).containsExactly(
                "Әр сатып алудың 5% сізге ұпаймен қайтады.",
                "1 ұпай = 1 ₸.",
                "Ұпаймен сатып алу сомасының 30%-ына дейін төлеуге болады.",
                "Ұпайлар берілген сатып алудан бастап 12 ай жарамды.",
                "Ұпайлардың мерзімі бітерден 30 және 7 күн бұрын еске саламыз.");
    }

    @Test
    void theCafeInEnglish() {
        assertThat(render(cafe(), "en")).containsExactly(
                "5% of every purchase comes back to you as points.",
                "1 point = 1 ₸.",
                "Points can pay for up to 30% of a purchase.",
                "Points last 12 months from the purchase that earned them.",
                "We remind you 30 and 7 days before they expire.");
    }

    /** A barber with every gift, offers with conditions, and levels by spend over the last 12 months. */
    private static List<Text> barber() {
        Program program = new Program(3, new BigDecimal("0.5"), BigDecimal.ONE, 100, 1,
                new ExpiryPolicy(ExpiryPolicy.Mode.AFTER_INACTIVITY, 6), List.of(), 500, 0,
                new Program.Referral(1000, 500, new BigDecimal("5000")), 30, Program.StaffGifts.NONE,
                new Program.Birthday(2000, "haircut", 0, 14), new Program.WinBack(60, 300, null, 180, null));
        Rule weekdays = new Rule(new RuleId(UUID.randomUUID()), "Будни", io.kopilka.rules.RuleKind.POINTS_PERCENT, 100,
                true, null, null, Set.of(DayOfWeek.MONDAY), null, null, null, null, null, null, Rule.Limits.NONE,
                new Rule.PointsPercent(new BigDecimal("10")));
        Rule expired = Rule.unconditional(new RuleId(UUID.randomUUID()), "Old", new Rule.PointsFixed(50));
        expired = new Rule(expired.id(), "Old", expired.kind(), 100, true, null, NOW, null, null, null, null, null,
                null, null, Rule.Limits.NONE, expired.parameters());
        List<Rule> rules = List.of(weekdays,
                Rule.unconditional(new RuleId(UUID.randomUUID()), "Бритьё", new Rule.PointsPerItem(20)),
                Rule.unconditional(new RuleId(UUID.randomUUID()), "Двойные баллы", new Rule.Multiplier(new BigDecimal("2"))),
                Rule.unconditional(new RuleId(UUID.randomUUID()), "Черная пятница", new Rule.DiscountPercent(BigDecimal.TEN)),
                Rule.unconditional(new RuleId(UUID.randomUUID()), "Постоянным", new Rule.DiscountBySpend(List.of(
                        new Rule.DiscountBySpend.Step(new BigDecimal("50000"), new BigDecimal("3")),
                        new Rule.DiscountBySpend.Step(new BigDecimal("100000"), new BigDecimal("5"))))),
                Rule.unconditional(new RuleId(UUID.randomUUID()), "Кофе в подарок", new Rule.IssueCoupon("coffee")),
                Rule.unconditional(new RuleId(UUID.randomUUID()), "Деревья", new Rule.CauseContribution("trees", 1)),
                expired);
        Ladder ladder = new Ladder(Metric.SPEND, Window.rollingMonths(12), 30, List.of(
                new Level("base", "Гость", BigDecimal.ZERO, false, null),
                new Level("silver", "Серебро", new BigDecimal("50000"), false,
                        new Benefits(new BigDecimal("1.5"), new BigDecimal("5"), List.of("Кофе бесплатно"))),
                new Level("vip", "VIP", null, true, new Benefits(BigDecimal.ONE, BigDecimal.TEN, List.of()))), 1);
        return ProgramExplanation.of(program, KZT, rules, ladder, NOW);
    }

    @Test
    void theBarberInRussian() {
        assertThat(render(barber(), "ru")).containsExactly(
                "Будни: 10% от покупки возвращается баллами.",
                "Бритьё: 20 баллов за каждый товар.",
                "Двойные баллы: баллы ×2.",
                "Черная пятница: скидка 10%.",
                "Постоянным: чем больше вы у нас купили, тем больше скидка: 3% от 50\u202F000 ₸, 5% от 100\u202F000 ₸.",
                "1 балл = 0,50 ₸.",
                "Баллами можно оплатить покупку целиком.",
                "Тратить баллы можно, когда их накопится от 100 баллов.",
                "Новые баллы можно тратить через 1 день после покупки.",
                "Баллы действуют 6 месяцев после вашей последней покупки: каждая покупка продлевает их все.",
                "За вступление в программу дарим 500 баллов.",
                "В день рождения дарим вам 2000 баллов и подарочный купон.",
                "Приведите друга: после его первой покупки вы получите 1000 баллов, а друг — 500 баллов.",
                "Считается первая покупка друга от 5\u202F000 ₸.",
                "Если вы не заходили 60 дней, подарим 300 баллов, чтобы вы вернулись.",
                "Ваш уровень растёт вместе с суммой покупок, и чем он выше, тем больше даёт.",
                "Считается всё за последние 12 месяцев.",
                "«Гость» — с него начинают все.",
                "«Серебро» — от 50\u202F000 ₸ покупок: баллы ×1.5, скидка 5% на каждую покупку, Кофе бесплатно.",
                "«VIP» — по приглашению: скидка 10% на каждую покупку.",
                "А ещё у нас есть особые предложения: «Кофе в подарок» и «Деревья».");
    }

    @Test
    void theBarberInKazakh() {
        assertThat(render(barber(), "kk")).containsExactly(
                "Будни: сатып алудың 10% ұпаймен қайтады.",
                "Бритьё: әр тауар үшін 20 ұпай.",
                "Двойные баллы: ұпай ×2.",
                "Черная пятница: 10% жеңілдік.",
                "Постоянным: неғұрлым көп сатып алсаңыз, жеңілдік соғұрлым үлкен: 50\u202F000 ₸ сомасынан бастап 3%, "
                        + "100\u202F000 ₸ сомасынан бастап 5%.",
                "1 ұпай = 0,50 ₸.",
                "Ұпаймен сатып алуды толық төлеуге болады.",
                "Кемінде 100 ұпай жиналғанда оларды жұмсай аласыз.",
                "Жаңа ұпайларды сатып алудан 1 күн өткен соң жұмсауға болады.",
                "Ұпайлар соңғы сатып алуыңыздан кейін 6 ай жарамды: әр сатып алу олардың бәрін ұзартады.",
                "Бағдарламаға қосылғаныңыз үшін 500 ұпай сыйлаймыз.",
                "Туған күніңізде 2000 ұпай мен сыйлық купонын береміз.",
                "Досыңызды шақырыңыз: оның алғашқы сатып алуынан кейін сіз 1000 ұпай аласыз, ал досыңыз 500 ұпай алады.",
                "Досыңыздың алғашқы сатып алуы кемінде 5\u202F000 ₸ болуы керек.",
                "Егер 60 күн келмесеңіз, қайта оралуыңыз үшін 300 ұпай сыйлаймыз.",
                "Деңгейіңіз сатып алу сомасымен бірге өседі, ал деңгей неғұрлым жоғары болса, соғұрлым көп береді.",
                "Соңғы 12 айдағы бәрі есептеледі.",
                "«Гость» — барлығы осыдан бастайды.",
                "«Серебро» — 50\u202F000 ₸ сатып алудан бастап: ұпай ×1.5, әр сатып алуға 5% жеңілдік, Кофе бесплатно.",
                "«VIP» — шақыру бойынша: әр сатып алуға 10% жеңілдік.",
                "Сондай-ақ арнайы ұсыныстарымыз бар: «Кофе в подарок» және «Деревья».");
    }

    @Test
    void theBarberInEnglish() {
        assertThat(render(barber(), "en")).containsExactly(
                "Будни: 10% of the purchase comes back as points.",
                "Бритьё: 20 points for each item.",
                "Двойные баллы: points ×2.",
                "Черная пятница: 10% off.",
                "Постоянным: the more you have bought from us, the bigger the discount: 3% from 50\u202F000 ₸, "
                        + "5% from 100\u202F000 ₸.",
                "1 point = 0,50 ₸.",
                "Points can pay for a whole purchase.",
                "You can spend points once you have 100 points or more.",
                "New points can be spent 1 day after the purchase.",
                "Points last 6 months after your last purchase: every purchase extends them all.",
                "Join and get 500 points as a welcome gift.",
                "On your birthday we give you 2000 points and a gift coupon.",
                "Bring a friend: after their first purchase you get 1000 points and your friend gets 500 points.",
                "The friend's first purchase counts from 5\u202F000 ₸.",
                "If you have not been in for 60 days, we give you 300 points to come back.",
                "Your level grows with what you spend, and the higher it is, the more it gives.",
                "What counts is the last 12 months.",
                "“Гость”, where everyone starts.",
                "“Серебро”, from 50\u202F000 ₸ spent: points ×1.5, 5% off every purchase, Кофе бесплатно.",
                "“VIP”, by invitation: 10% off every purchase.",
                "We also have special offers: “Кофе в подарок” and “Деревья”.");
    }

    @Test
    void aPointWorthLessThanACoinIsShownForMorePoints() {
        assertThat(Texts.messages().render(ProgramExplanation.value(new BigDecimal("0.0125"), KZT), "ru"))
                .isEqualTo("100 баллов = 1,25 ₸.");
        assertThat(Texts.messages().render(ProgramExplanation.value(new BigDecimal("0.0125"), Currency.getInstance("JPY")),
                "en")).isEqualTo("10000 points = 125 JPY.");
    }

    @Test
    void theDefaultProgramWithoutRules() {
        assertThat(render(ProgramExplanation.of(Program.defaults(), KZT, List.of(), Ladder.none(), NOW), "ru"))
                .containsExactly("1 балл = 1 ₸.", "Баллами можно оплатить до 30% покупки.", "Баллы не сгорают.");
    }

    private static Rule percent(String name, String percent) {
        return Rule.unconditional(new RuleId(UUID.randomUUID()), name, new Rule.PointsPercent(new BigDecimal(percent)));
    }

    static List<String> render(List<Text> texts, String language) {
        return texts.stream().map(t -> Texts.messages().render(t, language)).toList();
    }
}
