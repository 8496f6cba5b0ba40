package io.kopilka.rules.web;

import io.kopilka.rules.Rule;
import io.kopilka.rules.RuleKind;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.shared.error.ApiProblem.FieldError;
import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A rule in API.md's shape. Fields of rule kinds and conditions that the engine does not evaluate yet
 * are refused (422 {@code unsupported_rule_field}) rather than stored and silently ignored: a rule
 * "for Tuesdays" must never quietly apply every day.
 */
public record RuleDocument(String id, String name, String kind, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal percent, Long points, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal factor,
                           List<Object> steps, String rewardId, Integer priority, Boolean stackable,
                           OffsetDateTime validFrom, OffsetDateTime validTo, List<String> daysOfWeek, Object hours,
                           List<String> stores, List<String> tiers, Object segment, String condition,
                           ItemFilter itemFilter, Long maxPointsPerPurchase, Long budgetPoints,
                           Long maxPointsPerMemberPerDay, Long maxPointsPerMemberPerMonth) {

    public record ItemFilter(List<String> skus, List<String> categories) {
    }

    public Rule toRule(UUID ruleId) {
        List<FieldError> errors = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > 200) {
            errors.add(new FieldError("name", "must be 1 to 200 characters"));
        }
        RuleKind ruleKind = RuleKind.fromCode(kind).orElse(null);
        if (ruleKind == null) {
            errors.add(new FieldError("kind", "must be one of points_percent, points_fixed, points_per_item, "
                    + "multiplier, discount_percent, discount_by_spend, issue_coupon"));
        } else if (!ruleKind.supported()) {
            throw new ApiProblem(422, "unsupported_rule_kind", "Rules of kind '" + kind
                    + "' are not available yet; points_percent is", List.of(new FieldError("kind", "not available yet")),
                    Map.of());
        }
        Map<String, Object> unsupported = new java.util.LinkedHashMap<>();
        unsupported.put("daysOfWeek", daysOfWeek);
        unsupported.put("hours", hours);
        unsupported.put("tiers", tiers);
        unsupported.put("segment", segment);
        unsupported.put("condition", condition);
        unsupported.put("budgetPoints", budgetPoints);
        unsupported.put("maxPointsPerMemberPerDay", maxPointsPerMemberPerDay);
        unsupported.put("maxPointsPerMemberPerMonth", maxPointsPerMemberPerMonth);
        unsupported.forEach((field, value) -> {
            if (value != null) {
                errors.add(new FieldError(field, "is not evaluated yet; leave it null"));
            }
        });
        if (ruleKind == RuleKind.POINTS_PERCENT && (percent == null || percent.signum() <= 0
                || percent.compareTo(new BigDecimal(100)) > 0)) {
            errors.add(new FieldError("percent", "must be above 0 and at most 100"));
        }
        if (validFrom != null && validTo != null && !validFrom.isBefore(validTo)) {
            errors.add(new FieldError("validTo", "must be after validFrom"));
        }
        if (maxPointsPerPurchase != null && maxPointsPerPurchase <= 0) {
            errors.add(new FieldError("maxPointsPerPurchase", "must be above 0"));
        }
        if (priority != null && (priority < -1_000_000 || priority > 1_000_000)) {
            errors.add(new FieldError("priority", "must be between -1000000 and 1000000"));
        }
        if (!errors.isEmpty()) {
            boolean onlyUnsupported = errors.stream().allMatch(e -> unsupported.containsKey(e.field()));
            throw new ApiProblem(422, onlyUnsupported ? "unsupported_rule_field" : "validation_failed",
                    onlyUnsupported ? "The rule uses conditions that are not available yet" : "The rule has invalid fields",
                    errors, Map.of());
        }
        return new Rule(ruleId, name.strip(), ruleKind, priority == null ? 100 : priority,
                stackable == null || stackable, validFrom == null ? null : validFrom.toInstant(),
                validTo == null ? null : validTo.toInstant(), stores,
                itemFilter == null ? null : new Rule.ItemFilter(itemFilter.skus(), itemFilter.categories()),
                maxPointsPerPurchase, new Rule.PointsPercent(percent));
    }

    public static RuleDocument of(Rule r, ZoneId zone) {
        BigDecimal percent = r.parameters() instanceof Rule.PointsPercent p ? p.percent() : null;
        return new RuleDocument(r.id().toString(), r.name(), r.kind().code(), percent, null, null, null, null,
                r.priority(), r.stackable(), r.validFrom() == null ? null : r.validFrom().atZone(zone).toOffsetDateTime(),
                r.validTo() == null ? null : r.validTo().atZone(zone).toOffsetDateTime(), null, null, r.stores(), null,
                null, null, r.itemFilter() == null ? null
                        : new ItemFilter(r.itemFilter().skus(), r.itemFilter().categories()),
                r.maxPointsPerPurchase(), null, null, null);
    }
}
