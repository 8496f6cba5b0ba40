package io.kopilka.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount in a currency, at the currency's own scale: 1250.00 ₸, 3.50 €, 1000 ¥. The scale and
 * how an amount is rounded to it live here and nowhere else; the text a caller sees
 * ({@link #plain()}) is the amount at that scale, so "1250" and "1250.00" are one answer.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    /** The amount rounded half-up to the currency's scale (a price, a total, a discount). */
    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount.setScale(scaleOf(currency), RoundingMode.HALF_UP), currency);
    }

    /**
     * The amount rounded down to the currency's scale: what points are worth is never rounded up,
     * or a customer would be promised a fraction of a tenge that no till can give.
     */
    public static Money floor(BigDecimal amount, Currency currency) {
        return new Money(amount.setScale(scaleOf(currency), RoundingMode.DOWN), currency);
    }

    public static Money zero(Currency currency) {
        return of(BigDecimal.ZERO, currency);
    }

    /** Digits after the point the currency is counted in (ISO 4217); pseudo-currencies count as 0. */
    public static int scaleOf(Currency currency) {
        return Math.max(0, currency.getDefaultFractionDigits());
    }

    public int scale() {
        return scaleOf(currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return of(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return of(amount.subtract(other.amount), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    /** The amount as the API writes it: plain digits at the currency's scale, no exponent ("1250.00"). */
    public String plain() {
        return amount.setScale(scale(), RoundingMode.HALF_UP).toPlainString();
    }

    /**
     * The amount as receipts print it: "7 800 ₸", "1 250,50 ₽", "$12.50", grouped by three with a
     * narrow no-break space, decimals only when there are some.
     */
    public String printed() {
        BigDecimal scaled = amount.setScale(scale(), RoundingMode.HALF_UP);
        String plain = scaled.abs().toPlainString();
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        String fraction = dot < 0 ? "" : plain.substring(dot + 1);
        // Grouped by hand with a narrow no-break space: DecimalFormat costs more than a pricing rule.
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

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException(currency + " and " + other.currency + " do not add up");
        }
    }

    @Override
    public String toString() {
        return plain() + " " + currency.getCurrencyCode();
    }
}
