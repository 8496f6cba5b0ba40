package io.kopilka.notification;

import io.kopilka.shared.Money;
import io.kopilka.shared.Names;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Realistic facts of every kind, for the template preview and for checking a tenant's template before
 * it is saved: a coffee shop member with 540 points and every optional fact present. Plain Java, so the
 * tests render every default with exactly what the preview shows.
 */
public final class SampleFacts {
    public static final String BUSINESS = "Кофейня «Зерно»";
    public static final String WALLET_URL = "https://kopilka.kz/w/zerno";
    public static final String UNSUBSCRIBE_URL = "https://kopilka.kz/u/3f2a9c_QmV4dGh5c2FtcGxl";
    public static final long BALANCE = 540;

    private SampleFacts() {
    }

    /** What the module adds to every notice: a named member, the business, the wallet, the balance. */
    public static Map<String, Object> common(Currency currency, long balance) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("name", "Айгерим");
        facts.put("business", BUSINESS);
        facts.put("walletUrl", WALLET_URL);
        facts.put("balance", balance);
        facts.put("balanceValue", money(balance, currency));
        facts.put("unsubscribeUrl", UNSUBSCRIBE_URL);
        return facts;
    }

    /** The kind's own facts, every optional one included, with dates a few days after {@code now}. */
    public static Map<String, Object> of(NoticeKind kind, Currency currency, Instant now) {
        Instant inThreeDays = now.plus(Duration.ofDays(3));
        Instant inTwoWeeks = now.plus(Duration.ofDays(14));
        Names reward = new Names("Капучино в подарок", Map.of("kk", "Сыйлыққа капучино", "en", "Free cappuccino"));
        return switch (kind) {
            case WELCOME -> Map.of("welcomePoints", 200L, "cardNumber", "4271 0385", "referralCode", "AIGERIM7");
            case POINTS_EARNED -> Map.of("points", 120L, "pending", true, "availableAt", inTwoWeeks,
                    "paid", money(2400, currency));
            case POINTS_EXPIRING -> Map.of(
                    "batches", List.of(
                            Map.of("points", 120L, "expiresAt", inThreeDays, "value", money(120, currency)),
                            Map.of("points", 80L, "expiresAt", inTwoWeeks, "value", money(80, currency))),
                    "total", 200L, "totalValue", money(200, currency), "firstExpiresAt", inThreeDays,
                    "laterDates", true);
            case BALANCE -> Map.of("goalName", reward, "goalRemaining", 60L);
            case TIER_CHANGED -> Map.of("levelName", new Names("Золото", Map.of("kk", "Алтын", "en", "Gold")),
                    "previousLevelName", new Names("Серебро", Map.of("kk", "Күміс", "en", "Silver")), "up", true);
            case COUPON_ISSUED -> Map.of("rewardName", reward, "code", "K7QF-2M9X-4TRD", "expiresAt", inTwoWeeks);
            case COUPON_EXPIRING -> Map.of("rewardName", reward, "code", "K7QF-2M9X-4TRD", "expiresAt", inThreeDays);
            case CHALLENGE_PROGRESS -> Map.of("challengeName",
                    new Names("Пять визитов", Map.of("kk", "Бес рет келу", "en", "Five visits")),
                    "metric", "visits", "progress", 4L, "target", 5L, "remaining", 1L);
            case CHALLENGE_COMPLETED -> Map.of("challengeName",
                    new Names("Пять визитов", Map.of("kk", "Бес рет келу", "en", "Five visits")),
                    "rewardPoints", 300L, "coupons", List.of(Map.of("code", "P3WD-8KLM-2QZX")));
            case REFERRAL_REWARDED -> Map.of("points", 250L, "friend", false, "friendName", "Данияр");
            case BIRTHDAY, WIN_BACK -> Map.of("points", 500L, "couponCode", "B9RT-6HJN-1VCE",
                    "rewardName", new Names("Десерт в подарок", Map.of("kk", "Сыйлыққа десерт", "en", "Free dessert")),
                    "couponExpiresAt", inTwoWeeks);
            case LOGIN_CODE -> Map.of("code", "482913", "validMinutes", 10L);
        };
    }

    /** {@link #common} and {@link #of} together: what a template of the kind is checked against. */
    public static Map<String, Object> all(NoticeKind kind, Currency currency, Instant now) {
        Map<String, Object> facts = common(currency, BALANCE);
        facts.putAll(of(kind, currency, now));
        return facts;
    }

    private static Money money(long points, Currency currency) {
        return Money.of(BigDecimal.valueOf(points), currency);
    }
}
