package io.kopilka.rules;

import io.kopilka.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * The customer-facing line for each applied rule, in Russian, Kazakh or English:
 * "5% back on 7 800 ₸: 390 points". Plain Java: the same text is derived for a receipt, the
 * wallet's history ("why did I get 390 points?") and a simulation.
 */
public final class Explanations {
    private Explanations() {
    }

    public static String pointsPercent(String language, BigDecimal percent, BigDecimal base, long points,
                                       Currency currency) {
        String pct = percent(percent);
        String money = money(base, currency);
        return switch (language) {
            case "ru" -> pct + " баллами с " + money + ": " + points(language, points);
            case "kk" -> money + " сомасынан " + pct + ": " + points(language, points);
            default -> pct + " back on " + money + ": " + points(language, points);
        };
    }

    public static String pointsFixed(String language, String name, long points) {
        return name + ": " + points(language, points);
    }

    public static String pointsPerItem(String language, long perItem, BigDecimal units, long points) {
        String count = units.stripTrailingZeros().toPlainString();
        return switch (language) {
            case "ru" -> perItem + " за единицу × " + count + ": " + points(language, points);
            case "kk" -> "бірлігіне " + perItem + " × " + count + ": " + points(language, points);
            default -> perItem + " per unit × " + count + ": " + points(language, points);
        };
    }

    public static String multiplier(String language, String name, BigDecimal factor, long points) {
        String x = "×" + factor.stripTrailingZeros().toPlainString();
        return switch (language) {
            case "ru" -> x + " баллов (" + name + "): +" + points(language, points);
            case "kk" -> x + " ұпай (" + name + "): +" + points(language, points);
            default -> x + " points (" + name + "): +" + points(language, points);
        };
    }

    public static String discount(String language, String name, BigDecimal percent, BigDecimal amount,
                                  Currency currency) {
        String pct = percent(percent);
        String money = money(amount, currency);
        return switch (language) {
            case "ru" -> "Скидка " + pct + " (" + name + "): −" + money;
            case "kk" -> pct + " жеңілдік (" + name + "): −" + money;
            default -> pct + " off (" + name + "): −" + money;
        };
    }

    public static String discountBySpend(String language, BigDecimal percent, BigDecimal spend, BigDecimal amount,
                                         Currency currency) {
        String pct = percent(percent);
        String money = money(amount, currency);
        String reached = money(spend, currency);
        return switch (language) {
            case "ru" -> "Скидка " + pct + " за покупки от " + reached + ": −" + money;
            case "kk" -> reached + " сомасынан асқан сатып алулар үшін " + pct + " жеңілдік: −" + money;
            default -> pct + " off for over " + reached + " spent: −" + money;
        };
    }

    /** "390 points", "390 баллов", "390 ұпай". */
    public static String points(String language, long n) {
        return switch (language) {
            case "ru" -> n + " " + ruPoints(n);
            case "kk" -> n + " ұпай";
            default -> n + (n == 1 ? " point" : " points");
        };
    }

    /** "7 800 ₸", "1 250,50 ₽", "$12.50": grouped with a narrow no-break space, as receipts print. */
    public static String money(BigDecimal amount, Currency currency) {
        BigDecimal scaled = amount.setScale(Money.scaleOf(currency), RoundingMode.HALF_UP);
        String plain = scaled.abs().toPlainString();
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        String fraction = dot < 0 ? "" : plain.substring(dot + 1);
        // Grouped by hand with a narrow no-break space: DecimalFormat costs more than the rule itself.
        StringBuilder number = new StringBuilder(whole.length() + 8);
        if (scaled.signum() < 0) {
            number.append('-');
        }
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                number.append('\u202F');
            }
            number.append(whole.charAt(i));
        }
        if (!fraction.isEmpty() && fraction.chars().anyMatch(c -> c != '0')) {
            number.append(currency.getCurrencyCode().equals("USD") ? '.' : ',').append(fraction);
        }
        return switch (currency.getCurrencyCode()) {
            case "KZT" -> number + " ₸";
            case "RUB" -> number + " ₽";
            case "USD" -> "$" + number;
            case "EUR" -> number + " €";
            default -> number + " " + currency.getCurrencyCode();
        };
    }

    private static String percent(BigDecimal percent) {
        return percent.stripTrailingZeros().toPlainString() + "%";
    }

    /** балл, балла, баллов: Russian plural by the last digits. */
    static String ruPoints(long n) {
        long mod100 = Math.abs(n) % 100;
        long mod10 = Math.abs(n) % 10;
        if (mod100 >= 11 && mod100 <= 14) {
            return "баллов";
        }
        if (mod10 == 1) {
            return "балл";
        }
        if (mod10 >= 2 && mod10 <= 4) {
            return "балла";
        }
        return "баллов";
    }
}
