package io.kopilka.webhook.internal;

import io.kopilka.shared.MemberId;
import io.kopilka.shared.Money;
import io.kopilka.shared.Names;
import io.kopilka.shared.PurchaseId;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code data} of an event as receivers read it: ids and amounts as strings, times in ISO 8601 with the
 * tenant's offset; a fact that does not apply is left out.
 */
final class EventData {
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final ZoneId zone;

    private EventData(ZoneId zone) {
        this.zone = zone;
    }

    static EventData in(ZoneId zone) {
        return new EventData(zone);
    }

    static String time(Instant at, ZoneId zone) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atZone(zone).toOffsetDateTime());
    }

    EventData put(String key, Object value) {
        if (value == null) {
            return this;
        }
        values.put(key, switch (value) {
            case MemberId m -> m.value().toString();
            case PurchaseId p -> p.value().toString();
            case io.kopilka.shared.ReturnId r -> r.value().toString();
            case java.util.UUID u -> u.toString();
            case Money m -> m.plain();
            case Instant i -> time(i, zone);
            case Names n -> names(n);
            case Enum<?> e -> e.name().toLowerCase(java.util.Locale.ROOT);
            case java.math.BigDecimal d -> d.stripTrailingZeros().toPlainString();
            default -> value;
        });
        return this;
    }

    Map<String, Object> map() {
        return values;
    }

    private static Map<String, Object> names(Names n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", n.name());
        if (!n.names().isEmpty()) {
            m.put("names", new java.util.TreeMap<>(n.names()));
        }
        return m;
    }
}
