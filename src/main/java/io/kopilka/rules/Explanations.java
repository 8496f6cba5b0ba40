package io.kopilka.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;

/**
 * The customer-facing line for an applied rule, in Russian, Kazakh or English:
 * "5% back on 7 800 ₸: 390 points". Plain Java: the same text is derived for a receipt, the
 * wallet's history ("why did I get 390 points?") and a simulation.
 */
public final class Explanations {
    private Explanations() {
    }

    public static String pointsPercent(String language, BigDecimal percent, BigDecimal base, long points,
                                       Currency currency) {
        String pct = percent.stripTrailingZeros().toPlainString() + "%";
        String money = money(base, currency);
        return switch (language) {
            case "ru" -> pct + " баллами с " + money + ": " + points + " " + ruPoints(points);
            case "kk" -> money + " сомасынан " + pct + ": " + points + " ұпай";
            default -> pct + " back on " + money + ": " + points + (points == 1 ? " point" : " points");
        };
    }

    /** "7 800 ₸", "1 250,50 ₽", "$12.50": grouped with a narrow no-break space, as receipts print. */
    public static String money(BigDecimal amount, Currency currency) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
        symbols.setGroupingSeparator('\u202F');
        symbols.setDecimalSeparator(currency.getCurrencyCode().equals("USD") ? '.' : ',');
        BigDecimal scaled = amount.setScale(Math.max(0, currency.getDefaultFractionDigits()), RoundingMode.HALF_UP);
        boolean whole = scaled.stripTrailingZeros().scale() <= 0;
        DecimalFormat format = new DecimalFormat(whole ? "#,##0" : "#,##0.00", symbols);
        String number = format.format(scaled);
        return switch (currency.getCurrencyCode()) {
            case "KZT" -> number + " ₸";
            case "RUB" -> number + " ₽";
            case "USD" -> "$" + number;
            case "EUR" -> number + " €";
            default -> number + " " + currency.getCurrencyCode();
        };
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
