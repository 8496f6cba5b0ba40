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
