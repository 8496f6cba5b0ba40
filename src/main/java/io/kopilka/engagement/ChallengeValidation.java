package io.kopilka.engagement;

import io.kopilka.shared.InputBounds;
import io.kopilka.rules.Condition;
import io.kopilka.shared.Names;
import io.kopilka.shared.Texts;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.shared.error.ApiProblem.FieldError;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A challenge as sent, checked: every bad field is reported at once ({@code 422 validation_failed});
 * a condition that does not compile is {@code 422 invalid_condition} with its line and column.
 * Whether the reward exists in the tenant is asked where the catalog is ({@code internal}).
 */
public final class ChallengeValidation {
    public static final int MAX_NAME = 200;
    public static final int MAX_DESCRIPTION = 2000;
    public static final int MAX_WINDOW_DAYS = 3650;
    static final BigDecimal MAX_COUNT = new BigDecimal(1_000_000);
    static final BigDecimal MAX_SPEND = new BigDecimal("1000000000000");
    static final long MAX_POINTS = 1_000_000_000L;
    private static final Pattern BADGE = Pattern.compile("[a-z0-9_-]{1,50}");

    private ChallengeValidation() {
    }

    public static ChallengeDraft check(ChallengeDocument in) {
        List<FieldError> errors = new ArrayList<>();
        if (in.name() == null || in.name().isBlank() || in.name().length() > MAX_NAME) {
            errors.add(new FieldError("name", "must be 1 to " + MAX_NAME + " characters"));
        }
        Map<String, String> names = names(in.names(), errors);
        if (in.description() != null && in.description().length() > MAX_DESCRIPTION) {
            errors.add(new FieldError("description", "must be at most " + MAX_DESCRIPTION + " characters"));
        }
        ChallengeDraft.Metric metric = metric(in.metric()).orElse(null);
        if (metric == null) {
            errors.add(new FieldError("metric", "must be one of visits, spend, items"));
        }
        BigDecimal target = amount("target", in.target(), metric, false, errors);
        BigDecimal headStart = in.headStart() == null ? BigDecimal.ZERO
                : amount("headStart", in.headStart(), metric, true, errors);
        if (target != null && headStart != null && headStart.compareTo(target) >= 0) {
            errors.add(new FieldError("headStart", "must be below the target"));
        }
        Integer windowDays = null;
        if (in.window() != null) {
            windowDays = in.window().days();
            if (windowDays == null || windowDays < 1 || windowDays > MAX_WINDOW_DAYS) {
                errors.add(new FieldError("window.days", "must be 1 to " + MAX_WINDOW_DAYS + ", or window null"));
            }
        }
        Integer max = in.maxCompletionsPerMember();
        if (max != null && max < 1) {
            errors.add(new FieldError("maxCompletionsPerMember", "must be at least 1, or null for no limit"));
        }
        ChallengeDraft.Qualifier qualifier = qualifier(in.qualifier(), errors);
        ChallengeDraft.Reward reward = reward(in.reward(), errors);
        Instant validFrom = in.validFrom() == null ? null : in.validFrom().toInstant();
        Instant validTo = in.validTo() == null ? null : in.validTo().toInstant();
        if (validFrom != null && validTo != null && !validTo.isAfter(validFrom)) {
            errors.add(new FieldError("validTo", "must be after validFrom"));
        }
        ChallengeDraft.Surprise surprise = surprise(in.surprise(), errors);
        if (!errors.isEmpty()) {
            throw new ApiProblem(422, "validation_failed", "The challenge has invalid fields", errors, Map.of());
        }
        Condition condition = condition(in.qualifier() == null ? null : in.qualifier().condition());
        if (condition != null) {
            qualifier = new ChallengeDraft.Qualifier(qualifier.minSpend(), qualifier.stores(), qualifier.itemFilter(),
                    condition);
        }
        return new ChallengeDraft(new Names(in.name().strip(), names),
                in.description() == null || in.description().isBlank() ? null : in.description().strip(), metric,
                target, windowDays, in.repeat() == null || in.repeat(), max,
                in.oncePerDay() != null && in.oncePerDay(), qualifier, reward, validFrom, validTo,
                in.active() == null || in.active(), headStart, surprise);
    }

    private static Map<String, String> names(Map<String, String> given, List<FieldError> errors) {
        Map<String, String> names = new HashMap<>();
        if (given != null) {
            given.forEach((language, text) -> {
                String field = "names." + language;
                if (!Texts.LANGUAGES.contains(language)) {
                    errors.add(new FieldError(field, "must be one of ru, kk, en"));
                } else if (text != null && (text.isBlank() || text.length() > MAX_NAME)) {
                    errors.add(new FieldError(field, "must be 1 to " + MAX_NAME + " characters"));
                } else if (text != null) {
                    names.put(language, text.strip());
                }
            });
        }
        return names;
    }

    static Optional<ChallengeDraft.Metric> metric(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return switch (code) {
            case "visits" -> Optional.of(ChallengeDraft.Metric.VISITS);
            case "spend" -> Optional.of(ChallengeDraft.Metric.SPEND);
            case "items" -> Optional.of(ChallengeDraft.Metric.ITEMS);
            default -> Optional.empty();
        };
    }

    /** A target or a head start: a whole count for visits and items, money (2 decimals) for spend. */
    private static BigDecimal amount(String field, BigDecimal value, ChallengeDraft.Metric metric, boolean zeroOk,
                                     List<FieldError> errors) {
        String from = zeroOk ? "0" : (metric == ChallengeDraft.Metric.SPEND ? "above 0" : "1");
        if (value == null || value.signum() < 0 || (!zeroOk && value.signum() == 0)) {
            errors.add(new FieldError(field, metric == ChallengeDraft.Metric.SPEND ? "must be money " + from
                    : "must be a whole number from " + from));
            return null;
        }
        if (metric == null) {
            return value;
        }
        if (metric == ChallengeDraft.Metric.SPEND) {
            if (value.stripTrailingZeros().scale() > 2 || value.compareTo(MAX_SPEND) > 0) {
                errors.add(new FieldError(field, "must be money with at most 2 decimals, at most " + MAX_SPEND));
                return null;
            }
            return value.setScale(2);
        }
        if (value.stripTrailingZeros().scale() > 0 || value.compareTo(MAX_COUNT) > 0) {
            errors.add(new FieldError(field, "must be a whole number from " + from + " to " + MAX_COUNT));
            return null;
        }
        return new BigDecimal(value.toBigIntegerExact());
    }

    private static ChallengeDraft.Qualifier qualifier(ChallengeDocument.Qualifier q, List<FieldError> errors) {
        if (q == null) {
            return ChallengeDraft.Qualifier.ANY;
        }
        BigDecimal minSpend = q.minSpend();
        if (minSpend != null && (minSpend.signum() < 0 || minSpend.stripTrailingZeros().scale() > 2)) {
            errors.add(new FieldError("qualifier.minSpend", "must be money of at least 0, at most 2 decimals"));
        }
        codes("qualifier.stores", q.stores(), errors);
        ChallengeDraft.ItemFilter filter = null;
        if (q.itemFilter() != null) {
            codes("qualifier.itemFilter.skus", q.itemFilter().skus(), errors);
            codes("qualifier.itemFilter.categories", q.itemFilter().categories(), errors);
            filter = new ChallengeDraft.ItemFilter(copy(q.itemFilter().skus()), copy(q.itemFilter().categories()));
        }
        return new ChallengeDraft.Qualifier(minSpend == null || minSpend.signum() == 0 ? null : minSpend,
                copy(q.stores()), filter, null);
    }

    private static void codes(String field, List<String> codes, List<FieldError> errors) {
        if (!InputBounds.codeList(codes, InputBounds.MAX_CODE_LENGTH)) {
            errors.add(new FieldError(field, "must be at most " + InputBounds.MAX_CODES + " codes of 1 to "
                    + InputBounds.MAX_CODE_LENGTH + " characters"));
        }
    }

    /** The codes as kept; a list with a null in it is reported by {@link #codes} and kept as none. */
    private static List<String> copy(List<String> codes) {
        return codes == null || codes.isEmpty() || codes.contains(null) ? null : List.copyOf(codes);
    }

    private static ChallengeDraft.Reward reward(ChallengeDocument.RewardSpec r, List<FieldError> errors) {
        long points = r == null || r.points() == null ? 0 : r.points();
        String rewardId = r == null || r.rewardId() == null || r.rewardId().isBlank() ? null : r.rewardId().strip();
        String badge = r == null || r.badge() == null ? null : r.badge().strip();
        if (points < 0 || points > MAX_POINTS) {
            errors.add(new FieldError("reward.points", "must be 0 to " + MAX_POINTS));
        }
        if (badge != null && !BADGE.matcher(badge).matches()) {
            errors.add(new FieldError("reward.badge", "must be 1 to 50 of a-z, 0-9, _ and -"));
        }
        if (points <= 0 && rewardId == null && badge == null) {
            errors.add(new FieldError("reward", "must give points, a reward's coupon or a badge"));
        }
        return new ChallengeDraft.Reward(Math.max(points, 0), rewardId, badge);
    }

    private static ChallengeDraft.Surprise surprise(ChallengeDocument.SurpriseSpec s, List<FieldError> errors) {
        if (s == null) {
            return null;
        }
        if (s.probability() == null || !(s.probability() > 0 && s.probability() <= 1)) {
            errors.add(new FieldError("surprise.probability", "must be above 0, at most 1"));
        }
        if (s.minVisits() != null && s.minVisits() < 0) {
            errors.add(new FieldError("surprise.minVisits", "must be 0 or more"));
        }
        if (s.maxPerMonth() != null && s.maxPerMonth() < 1) {
            errors.add(new FieldError("surprise.maxPerMonth", "must be at least 1, or null for no limit"));
        }
        return new ChallengeDraft.Surprise(s.probability() == null ? 0 : s.probability(),
                s.minVisits() == null ? 0 : s.minVisits(), s.maxPerMonth());
    }

    private static Condition condition(String source) {
        if (source == null || source.isBlank()) {
            return null;
        }
        try {
            return Condition.compile(source);
        } catch (Condition.Invalid e) {
            throw new ApiProblem(422, "invalid_condition", "The condition does not compile: " + e.getMessage(),
                    List.of(new FieldError("qualifier.condition", e.getMessage())),
                    Map.of("line", e.line(), "column", e.column()));
        }
    }

    /** For a document read back: a time as the API writes it. */
    static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
