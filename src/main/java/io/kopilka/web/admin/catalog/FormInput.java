package io.kopilka.web.admin.catalog;

import io.kopilka.shared.error.ApiProblem;
import io.kopilka.shared.error.ApiProblem.FieldError;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A posted form read as the facades' types. A form sends text; what cannot be read as the field's
 * type ("12a" for a price) is refused here, at its field and before anything is written, with the
 * same 422 a facade gives, so the page shows both kinds alike. Ranges and rules stay the facades'.
 */
final class FormInput {
    private final Map<String, String> values;
    private final List<FieldError> errors = new ArrayList<>();

    FormInput(Map<String, String> values) {
        this.values = new LinkedHashMap<>(values);
        this.values.remove("_csrf");
    }

    /** What was posted, to show it again beside an error. */
    Map<String, String> values() {
        return values;
    }

    /** The text, stripped; null when blank. */
    String text(String field) {
        String v = values.get(field);
        return v == null || v.isBlank() ? null : v.strip();
    }

    boolean checked(String field) {
        String v = values.get(field);
        return v != null && (v.equals("true") || v.equals("on"));
    }

    Long whole(String field) {
        String v = text(field);
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v.replace(" ", "").replace("\u202F", "").replace("\u00A0", ""));
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "must be a whole number"));
            return null;
        }
    }

    Integer small(String field) {
        Long v = whole(field);
        if (v != null && (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE)) {
            errors.add(new FieldError(field, "must be a whole number"));
            return null;
        }
        return v == null ? null : v.intValue();
    }

    /** A decimal as people type it: "1 500,50" or "1500.50". */
    BigDecimal decimal(String field) {
        String v = text(field);
        if (v == null) {
            return null;
        }
        try {
            return new BigDecimal(v.replace(" ", "").replace("\u202F", "").replace("\u00A0", "").replace(',', '.'));
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "must be a number"));
            return null;
        }
    }

    LocalDate date(String field) {
        String v = text(field);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a date"));
            return null;
        }
    }

    /** Codes typed with commas or spaces between them; null when none. */
    List<String> codes(String field) {
        String v = text(field);
        return v == null ? null : Arrays.stream(v.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    /** Fails with every field that could not be read. */
    void check() {
        if (!errors.isEmpty()) {
            throw new ApiProblem(422, "validation_failed", "The form has fields that cannot be read", errors, Map.of());
        }
    }

    /**
     * The first day a campaign runs, as the instant it starts; {@code kept} when the date is the one
     * the form showed for it, so saving an unchanged form never moves a time the API set to the minute.
     */
    static OffsetDateTime start(LocalDate day, Instant kept, ZoneId zone) {
        if (day == null) {
            return null;
        }
        if (kept != null && firstDay(kept, zone).equals(day)) {
            return kept.atZone(zone).toOffsetDateTime();
        }
        return day.atStartOfDay(zone).toOffsetDateTime();
    }

    /** The last day it runs, as the instant it ends (the next midnight); {@code kept} as in {@link #start}. */
    static OffsetDateTime end(LocalDate day, Instant kept, ZoneId zone) {
        if (day == null) {
            return null;
        }
        if (kept != null && lastDay(kept, zone).equals(day)) {
            return kept.atZone(zone).toOffsetDateTime();
        }
        return day.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
    }

    static LocalDate firstDay(Instant from, ZoneId zone) {
        return from == null ? null : from.atZone(zone).toLocalDate();
    }

    /** An end is exclusive: a campaign ending at midnight ran until the day before. */
    static LocalDate lastDay(Instant to, ZoneId zone) {
        return to == null ? null : to.minusNanos(1).atZone(zone).toLocalDate();
    }

    static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
