package io.kopilka.web.admin.rules;

import io.kopilka.rules.RuleDocument;
import io.kopilka.rules.RuleKind;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.shared.error.ApiProblem.FieldError;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A rule as its form holds it: one text per field (lists of codes written "main, mall", times in the
 * business's zone), and the days of the week ticked. Reading it gives the API's {@link RuleDocument},
 * so a rule made here is validated exactly as one made through the API.
 */
record RuleForm(Map<String, String> f, Set<String> days) {
    static final int STEPS = 5;
    static final List<String> DAYS = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");
    static final List<String> KINDS = List.of("points_percent", "points_fixed", "points_per_item", "multiplier",
            "discount_percent", "discount_by_spend", "issue_coupon", "cause_contribution");

    /** An empty form of this kind, with the defaults a new rule gets. */
    static RuleForm blank(String kind) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("kind", kind != null && KINDS.contains(kind) ? kind : KINDS.getFirst());
        f.put("priority", "100");
        f.put("stackable", "true");
        return new RuleForm(f, new LinkedHashSet<>());
    }

    static RuleForm of(RuleDocument r, ZoneId zone) {
        Map<String, String> f = new LinkedHashMap<>();
        put(f, "id", r.id());
        put(f, "name", r.name());
        put(f, "kind", r.kind());
        put(f, "percent", plain(r.percent()));
        put(f, "points", r.points());
        put(f, "factor", plain(r.factor()));
        if (r.steps() != null) {
            for (int i = 0; i < r.steps().size(); i++) {
                put(f, "step" + i + ".spend", plain(r.steps().get(i).spend()));
                put(f, "step" + i + ".percent", plain(r.steps().get(i).percent()));
            }
        }
        put(f, "rewardId", r.rewardId());
        put(f, "causeId", r.causeId());
        put(f, "units", r.units());
        put(f, "priority", r.priority());
        f.put("stackable", String.valueOf(r.stackable() == null || r.stackable()));
        put(f, "validFrom", local(r.validFrom(), zone));
        put(f, "validTo", local(r.validTo(), zone));
        if (r.hours() != null) {
            put(f, "hours.from", r.hours().from());
            put(f, "hours.to", r.hours().to());
        }
        put(f, "stores", codes(r.stores()));
        put(f, "channels", codes(r.channels()));
        put(f, "tiers", codes(r.tiers()));
        put(f, "condition", r.condition());
        if (r.itemFilter() != null) {
            put(f, "skus", codes(r.itemFilter().skus()));
            put(f, "categories", codes(r.itemFilter().categories()));
        }
        put(f, "maxPointsPerPurchase", r.maxPointsPerPurchase());
        put(f, "budgetPoints", r.budgetPoints());
        put(f, "maxPointsPerMemberPerDay", r.maxPointsPerMemberPerDay());
        put(f, "maxPointsPerMemberPerMonth", r.maxPointsPerMemberPerMonth());
        return new RuleForm(f, new LinkedHashSet<>(r.daysOfWeek() == null ? List.of() : r.daysOfWeek()));
    }

    /** The form's text of a field, "" when empty; for the templates. */
    public String get(String field) {
        return f.getOrDefault(field, "");
    }

    public String kind() {
        return get("kind");
    }

    public boolean stackable() {
        return !"false".equals(f.get("stackable"));
    }

    /**
     * The API document of the form, with the parameters of its kind only (a field of another kind
     * left in the form by switching kinds is not sent). A field that is not a number or a time is a
     * 422 of its own, with the facade's errors for the rest beside it.
     */
    RuleDocument document(String id, ZoneId zone) {
        FormValues in = new FormValues(f);
        String kind = in.text("kind");
        boolean percentKind = kind.equals("points_percent") || kind.equals("discount_percent");
        BigDecimal percent = percentKind ? in.decimal("percent") : null;
        Long points = kind.equals("points_fixed") || kind.equals("points_per_item") ? in.whole("points") : null;
        BigDecimal factor = kind.equals("multiplier") ? in.decimal("factor") : null;
        List<RuleDocument.Step> steps = null;
        if (kind.equals("discount_by_spend")) {
            steps = new ArrayList<>();
            for (int i = 0; i < STEPS; i++) {
                if (in.text("step" + i + ".spend").isEmpty() && in.text("step" + i + ".percent").isEmpty()) {
                    continue;
                }
                steps.add(new RuleDocument.Step(in.decimal("step" + i + ".spend"), in.decimal("step" + i + ".percent")));
            }
        }
        String rewardId = kind.equals("issue_coupon") ? in.textOrNull("rewardId") : null;
        String causeId = kind.equals("cause_contribution") ? in.textOrNull("causeId") : null;
        Long units = kind.equals("cause_contribution") ? in.whole("units") : null;
        RuleDocument.Hours hours = null;
        String from = in.text("hours.from");
        String to = in.text("hours.to");
        if (!from.isEmpty() || !to.isEmpty()) {
            if (from.isEmpty() || to.isEmpty()) {
                in.error("hours", "give both times");
            } else {
                hours = new RuleDocument.Hours(from, to);
            }
        }
        List<String> skus = in.codes("skus");
        List<String> categories = in.codes("categories");
        RuleDocument.ItemFilter filter = skus == null && categories == null ? null
                : new RuleDocument.ItemFilter(skus, categories);
        RuleDocument doc = new RuleDocument(id, in.text("name"), kind, percent, points, factor, steps, rewardId, causeId,
                units, in.wholeInt("priority"), stackable(), time(in, "validFrom", zone), time(in, "validTo", zone),
                days.isEmpty() ? null : DAYS.stream().filter(days::contains).toList(), hours, in.codes("stores"),
                in.codes("channels"), in.codes("tiers"), null, in.textOrNull("condition"), filter,
                in.whole("maxPointsPerPurchase"), in.whole("budgetPoints"), in.whole("maxPointsPerMemberPerDay"),
                in.whole("maxPointsPerMemberPerMonth"));
        if (!in.errors().isEmpty()) {
            List<FieldError> all = new ArrayList<>(in.errors());
            try {
                doc.toRule(io.kopilka.shared.RuleId.next());
            } catch (ApiProblem more) {
                Set<String> typed = new LinkedHashSet<>(in.errors().stream().map(FieldError::field).toList());
                more.errors().stream().filter(e -> !typed.contains(field(e.field()))).forEach(all::add);
            }
            throw new ApiProblem(422, "validation_failed", "The rule has invalid fields", all, Map.of());
        }
        return doc;
    }

    /** The form's field for a field the facade names ("steps[1].spend" is the second step's spend). */
    static String field(String apiField) {
        if (apiField.startsWith("steps[")) {
            int close = apiField.indexOf(']');
            return "step" + apiField.substring(6, close) + apiField.substring(close + 1);
        }
        return switch (apiField) {
            case "itemFilter.skus" -> "skus";
            case "itemFilter.categories" -> "categories";
            case "hours" -> "hours.from";
            case "daysOfWeek" -> "days";
            default -> apiField;
        };
    }

    /** A datetime-local's value, read in the business's time zone. */
    private static OffsetDateTime time(FormValues in, String field, ZoneId zone) {
        String v = in.text(field);
        if (v.isEmpty()) {
            return null;
        }
        try {
            return LocalDateTime.parse(v).atZone(zone).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            in.error(field, "must be a date and time");
            return null;
        }
    }

    private static String local(OffsetDateTime t, ZoneId zone) {
        return t == null ? null : t.atZoneSameInstant(zone).toLocalDateTime().truncatedTo(ChronoUnit.MINUTES).toString();
    }

    private static String codes(List<String> codes) {
        return codes == null ? null : String.join(", ", codes);
    }

    private static String plain(BigDecimal v) {
        return v == null ? null : v.stripTrailingZeros().toPlainString();
    }

    private static void put(Map<String, String> f, String key, Object value) {
        if (value != null) {
            f.put(key, value.toString());
        }
    }

    static boolean knownKind(String kind) {
        return RuleKind.fromCode(kind).isPresent();
    }
}
