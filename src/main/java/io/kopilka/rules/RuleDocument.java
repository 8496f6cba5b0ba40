package io.kopilka.rules;

import io.kopilka.shared.RuleId;
import io.kopilka.shared.InputBounds;
import io.kopilka.shared.Points;
import com.fasterxml.jackson.annotation.JsonFormat;
import io.kopilka.shared.error.ApiProblem.FieldError;
import io.kopilka.shared.error.ApiProblem;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A rule in docs/api.md's shape, and its validation into a {@link Rule}. Every field error is reported at
 * once; a condition that does not compile is {@code 422 invalid_condition} with its position.
 */
@Schema(description = "A rule. Which of `percent`, `points`, `factor` and `steps` it takes depends on its `kind`; "
        + "the other fields narrow when it applies and limit what it gives. In a request decimals may be strings "
        + "or numbers; answers carry strings")
public record RuleDocument(@Nullable @Schema(description = "Set by Kopilka; in a simulation a draft with a live "
                                   + "rule's id stands in for it") String id,
                           @Schema(maxLength = 200) String name,
                           @Schema(allowableValues = {"points_percent", "points_fixed", "points_per_item", "multiplier",
                                   "discount_percent", "discount_by_spend", "issue_coupon", "cause_contribution"})
                           String kind,
                           @Nullable @Schema(ref = "DecimalInput", description = "points_percent, discount_percent: "
                                   + "above 0, at most 100")
                           @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal percent,
                           @Nullable @Schema(description = "points_fixed, points_per_item") Long points,
                           @Nullable @Schema(ref = "DecimalInput", description = "multiplier: above 1, at most 100")
                           @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal factor,
                           @Nullable @Schema(description = "discount_by_spend: 1 to 20 steps") List<Step> steps,
                           @Nullable @Schema(description = "issue_coupon: the reward whose coupon the purchase "
                                   + "issues") String rewardId,
                           @Nullable @Schema(description = "cause_contribution: the cause the business gives to")
                           String causeId,
                           @Nullable @Schema(description = "cause_contribution: units given per purchase, 1 when "
                                   + "left out") Long units,
                           @Nullable @Schema(description = "Higher first; 100 when left out") Integer priority,
                           @Nullable @Schema(description = "Whether it adds to other rules; true when left out")
                           Boolean stackable,
                           @Nullable OffsetDateTime validFrom, @Nullable OffsetDateTime validTo,
                           @Nullable @Schema(description = "MON to SUN") List<String> daysOfWeek,
                           @Nullable Hours hours, @Nullable List<String> stores, @Nullable List<String> channels,
                           @Nullable @Schema(description = "Level codes") List<String> tiers,
                           @Nullable @Schema(description = "Not available yet: must be null") Object segment,
                           @Nullable @Schema(description = "A CEL expression that must be true for the rule to apply",
                                   example = "purchase.total > 20000.0") String condition,
                           @Nullable ItemFilter itemFilter, @Nullable Long maxPointsPerPurchase,
                           @Nullable Long budgetPoints, @Nullable Long maxPointsPerMemberPerDay,
                           @Nullable Long maxPointsPerMemberPerMonth) {

    private static final BigDecimal HUNDRED = new BigDecimal(100);

    public record Step(@Schema(ref = "DecimalInput", description = "From this spend on")
                       @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal spend,
                       @Schema(ref = "DecimalInput") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal percent) {
    }

    public record Hours(@Schema(example = "10:00") String from, @Schema(example = "14:00") String to) {
    }

    public record ItemFilter(@Nullable List<String> skus, @Nullable List<String> categories) {
    }

    public Rule toRule(RuleId ruleId) {
        List<FieldError> errors = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > 200) {
            errors.add(new FieldError("name", "must be 1 to 200 characters"));
        }
        RuleKind ruleKind = RuleKind.fromCode(kind).orElse(null);
        if (ruleKind == null) {
            errors.add(new FieldError("kind", "must be one of points_percent, points_fixed, points_per_item, "
                    + "multiplier, discount_percent, discount_by_spend, issue_coupon, cause_contribution"));
        }
        if (segment != null) {
            // Stored and ignored, a segment would silently widen the rule to everyone: refuse it.
            throw new ApiProblem(422, "unsupported_rule_field", "Segments are not available yet",
                    List.of(new FieldError("segment", "segments are not available yet; leave it null")), Map.of());
        }
        Rule.Parameters parameters = ruleKind == null ? null : parameters(ruleKind, errors);
        if (validFrom != null && validTo != null && !validFrom.isBefore(validTo)) {
            errors.add(new FieldError("validTo", "must be after validFrom"));
        }
        if (priority != null && (priority < -1_000_000 || priority > 1_000_000)) {
            errors.add(new FieldError("priority", "must be between -1000000 and 1000000"));
        }
        Set<DayOfWeek> days = days(errors);
        Rule.Hours window = hours(errors);
        Rule.Limits limits = new Rule.Limits(positive("maxPointsPerPurchase", maxPointsPerPurchase, errors),
                positive("maxPointsPerMemberPerDay", maxPointsPerMemberPerDay, errors),
                positive("maxPointsPerMemberPerMonth", maxPointsPerMemberPerMonth, errors),
                positive("budgetPoints", budgetPoints, errors));
        list("stores", stores, errors);
        list("channels", channels, errors);
        list("tiers", tiers, errors);
        if (itemFilter != null) {
            list("itemFilter.skus", itemFilter.skus(), errors);
            list("itemFilter.categories", itemFilter.categories(), errors);
        }
        Condition compiled = null;
        if (condition != null && !condition.isBlank()) {
            try {
                compiled = Condition.compile(condition);
            } catch (Condition.Invalid e) {
                throw new ApiProblem(422, "invalid_condition", "The condition does not compile: " + e.getMessage(),
                        List.of(new FieldError("condition", e.getMessage())),
                        Map.of("line", e.line(), "column", e.column()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(422, "validation_failed", "The rule has invalid fields", errors, Map.of());
        }
        return new Rule(ruleId, name.strip(), ruleKind, priority == null ? Rule.DEFAULT_PRIORITY : priority,
                stackable == null || stackable, validFrom == null ? null : validFrom.toInstant(),
                validTo == null ? null : validTo.toInstant(), days, window, stores, channels, tiers,
                itemFilter == null ? null : new Rule.ItemFilter(itemFilter.skus(), itemFilter.categories()),
                compiled, limits, parameters);
    }

    private Rule.Parameters parameters(RuleKind ruleKind, List<FieldError> errors) {
        return switch (ruleKind) {
            case POINTS_PERCENT -> new Rule.PointsPercent(percent("percent", percent, errors));
            case DISCOUNT_PERCENT -> new Rule.DiscountPercent(percent("percent", percent, errors));
            case POINTS_FIXED -> new Rule.PointsFixed(requiredPoints(errors));
            case POINTS_PER_ITEM -> new Rule.PointsPerItem(requiredPoints(errors));
            case MULTIPLIER -> {
                if (factor == null || factor.compareTo(BigDecimal.ONE) <= 0 || factor.compareTo(HUNDRED) > 0) {
                    errors.add(new FieldError("factor", "must be above 1 and at most 100"));
                }
                yield new Rule.Multiplier(factor);
            }
            case DISCOUNT_BY_SPEND -> {
                List<Rule.DiscountBySpend.Step> parsed = new ArrayList<>();
                if (steps == null || steps.isEmpty() || steps.size() > 20) {
                    errors.add(new FieldError("steps", "must list 1 to 20 steps"));
                } else {
                    BigDecimal previous = null;
                    for (int i = 0; i < steps.size(); i++) {
                        Step s = steps.get(i);
                        if (s == null || s.spend() == null || s.spend().signum() < 0) {
                            errors.add(new FieldError("steps[" + i + "].spend", "must be 0 or more"));
                            continue;
                        }
                        if (previous != null && s.spend().compareTo(previous) <= 0) {
                            errors.add(new FieldError("steps[" + i + "].spend", "must grow from step to step"));
                        }
                        previous = s.spend();
                        parsed.add(new Rule.DiscountBySpend.Step(s.spend(),
                                percent("steps[" + i + "].percent", s.percent(), errors)));
                    }
                }
                yield new Rule.DiscountBySpend(parsed);
            }
            case ISSUE_COUPON -> new Rule.IssueCoupon(reference("rewardId", rewardId, errors));
            case CAUSE_CONTRIBUTION -> {
                if (units != null && (units <= 0 || units > 1_000_000)) {
                    errors.add(new FieldError("units", "must be 1 to 1000000"));
                }
                yield new Rule.CauseContribution(reference("causeId", causeId, errors), units == null ? 1 : units);
            }
        };
    }

    /** An id of another module's object; whether it exists in the tenant is {@link RuleTargets}' to say. */
    private static String reference(String field, String id, List<FieldError> errors) {
        if (id == null || id.isBlank() || id.length() > 100) {
            errors.add(new FieldError(field, "is required for this kind"));
        }
        return id;
    }

    private long requiredPoints(List<FieldError> errors) {
        if (points == null || points <= 0 || points > Points.MAX) {
            errors.add(new FieldError("points", "must be a whole number of points above 0"));
            return 0;
        }
        return points;
    }

    private static BigDecimal percent(String field, BigDecimal value, List<FieldError> errors) {
        if (value == null || value.signum() <= 0 || value.compareTo(HUNDRED) > 0 || value.scale() > 4) {
            errors.add(new FieldError(field, "must be above 0 and at most 100"));
        }
        return value;
    }

    private static Long positive(String field, Long value, List<FieldError> errors) {
        if (value != null && (value <= 0 || value > Points.MAX)) {
            errors.add(new FieldError(field, "must be above 0"));
        }
        return value;
    }

    private static void list(String field, List<String> values, List<FieldError> errors) {
        if (!InputBounds.codeList(values, InputBounds.MAX_CODE_LENGTH)) {
            errors.add(new FieldError(field, "must be a list of at most " + InputBounds.MAX_CODES + " codes of 1 to "
                    + InputBounds.MAX_CODE_LENGTH + " characters"));
        }
    }

    private Set<DayOfWeek> days(List<FieldError> errors) {
        if (daysOfWeek == null) {
            return null;
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String day : daysOfWeek) {
            DayOfWeek parsed = null;
            for (DayOfWeek d : DayOfWeek.values()) {
                if (day != null && (d.name().substring(0, 3).equalsIgnoreCase(day) || d.name().equalsIgnoreCase(day))) {
                    parsed = d;
                }
            }
            if (parsed == null) {
                errors.add(new FieldError("daysOfWeek", "days are MON, TUE, WED, THU, FRI, SAT, SUN"));
                return null;
            }
            days.add(parsed);
        }
        return days;
    }

    private Rule.Hours hours(List<FieldError> errors) {
        if (hours == null) {
            return null;
        }
        try {
            LocalTime from = LocalTime.parse(hours.from());
            LocalTime to = LocalTime.parse(hours.to());
            if (from.equals(to)) {
                errors.add(new FieldError("hours", "from and to must differ"));
            }
            return new Rule.Hours(from, to);
        } catch (DateTimeParseException | NullPointerException e) {
            errors.add(new FieldError("hours", "must be {\"from\": \"HH:MM\", \"to\": \"HH:MM\"}"));
            return null;
        }
    }

    public static RuleDocument of(Rule r, ZoneId zone) {
        BigDecimal percent = null;
        Long points = null;
        BigDecimal factor = null;
        List<Step> steps = null;
        String rewardId = null;
        String causeId = null;
        Long units = null;
        switch (r.parameters()) {
            case Rule.PointsPercent p -> percent = p.percent();
            case Rule.DiscountPercent p -> percent = p.percent();
            case Rule.PointsFixed p -> points = p.points();
            case Rule.PointsPerItem p -> points = p.points();
            case Rule.Multiplier m -> factor = m.factor();
            case Rule.DiscountBySpend s -> steps = s.steps().stream().map(x -> new Step(x.spend(), x.percent())).toList();
            case Rule.IssueCoupon c -> rewardId = c.rewardId();
            case Rule.CauseContribution c -> {
                causeId = c.causeId();
                units = c.units();
            }
        }
        List<String> days = r.daysOfWeek() == null ? null
                : r.daysOfWeek().stream().map(d -> d.name().substring(0, 3)).toList();
        Hours hours = r.hours() == null ? null : new Hours(r.hours().from().toString(), r.hours().to().toString());
        Rule.Limits l = r.limits();
        return new RuleDocument(r.id() == null ? null : r.id().toString(), r.name(), r.kind().code(), percent, points,
                factor, steps, rewardId, causeId, units, r.priority(), r.stackable(),
                r.validFrom() == null ? null : r.validFrom().atZone(zone).toOffsetDateTime(),
                r.validTo() == null ? null : r.validTo().atZone(zone).toOffsetDateTime(), days, hours, r.stores(),
                r.channels(), r.tiers(), null, r.condition() == null ? null : r.condition().source(),
                r.itemFilter() == null ? null : new ItemFilter(r.itemFilter().skus(), r.itemFilter().categories()),
                l.maxPointsPerPurchase(), l.budgetPoints(), l.maxPointsPerMemberPerDay(),
                l.maxPointsPerMemberPerMonth());
    }
}
