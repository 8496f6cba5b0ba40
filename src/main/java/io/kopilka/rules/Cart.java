package io.kopilka.rules;

import io.kopilka.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;

/** A purchase as the rules see it: where, when, and what was bought. */
public record Cart(Instant occurredAt, String storeCode, String channel, List<Line> lines, Currency currency,
                   ZoneId zone) {

    public record Line(String sku, String name, String category, BigDecimal quantity, BigDecimal unitPrice) {
    }

    /** Decimals of the currency: 2 for KZT, RUB and USD. */
    public int scale() {
        return Money.scaleOf(currency);
    }
}
