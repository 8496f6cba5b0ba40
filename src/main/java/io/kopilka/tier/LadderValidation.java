package io.kopilka.tier;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules a ladder must follow, with messages an owner understands. Pure: returns the problems found. */
public final class LadderValidation {
    static final int MAX_LEVELS = 20;
    static final int MAX_PERKS = 20;
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final BigDecimal MAX_THRESHOLD = new BigDecimal("1000000000000");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private LadderValidation() {
    }

    public record Problem(String field, String message) {
    }

    /** @param moneyScale the currency's decimals: a spend threshold may not be finer than the money */
    public static List<Problem> check(Ladder ladder, int moneyScale) {
        List<Problem> problems = new ArrayList<>();
        if (ladder.metric() == null) {
            problems.add(new Problem("metric", "must be spend, points or visits"));
        }
        checkWindow(ladder.window(), problems);
        if (ladder.graceDays() < 0 || ladder.graceDays() > 365) {
            problems.add(new Problem("graceDays", "must be between 0 and 365"));
        }
        List<Level> levels = ladder.levels();
        if (levels.isEmpty() || levels.size() > MAX_LEVELS) {
            problems.add(new Problem("levels", "must list 1 to " + MAX_LEVELS + " levels"));
            return problems;
        }
        Set<String> codes = new HashSet<>();
        BigDecimal previous = null;
        for (int i = 0; i < levels.size(); i++) {
            Level level = levels.get(i);
            String at = "levels[" + i + "]";
            if (level.code() == null || !CODE.matcher(level.code()).matches()) {
                problems.add(new Problem(at + ".code", "is required: 1 to 64 letters, digits, '_', '-' or '.'"));
            } else if (!codes.add(level.code())) {
                problems.add(new Problem(at + ".code", "'" + level.code() + "' is used by another level"));
            }
            if (level.name() == null || level.name().isBlank() || level.name().length() > 100) {
                problems.add(new Problem(at + ".name", "is required, up to 100 characters"));
            }
            if (level.manual()) {
                if (level.threshold() != null) {
                    problems.add(new Problem(at + ".threshold", "a manual level has no threshold: an admin assigns it"));
                }
            } else if (checkThreshold(level.threshold(), ladder.metric(), moneyScale, at, problems)) {
                if (previous == null && level.threshold().signum() != 0) {
                    problems.add(new Problem(at + ".threshold", "the first automatic level must start at 0"));
                } else if (previous != null && level.threshold().compareTo(previous) <= 0) {
                    problems.add(new Problem(at + ".threshold",
                            "must be above the previous automatic level's threshold " + previous.toPlainString()));
                }
                previous = level.threshold();
            }
            checkBenefits(level.benefits(), at + ".benefits", problems);
        }
        if (levels.stream().allMatch(Level::manual)) {
            problems.add(new Problem("levels", "must include at least one automatic level (with a threshold)"));
        }
        return problems;
    }

    private static void checkWindow(Window window, List<Problem> problems) {
        if (window == null || window.type() == null) {
            problems.add(new Problem("window.type", "must be lifetime, rolling_months or calendar_year"));
        } else if (window.type() == Window.Type.ROLLING_MONTHS && (window.months() < 1 || window.months() > 120)) {
            problems.add(new Problem("window.months", "must be between 1 and 120"));
        }
    }

    /** Returns whether the threshold is usable for the ordering checks. */
    private static boolean checkThreshold(BigDecimal threshold, Metric metric, int moneyScale, String at,
                                          List<Problem> problems) {
        if (threshold == null) {
            problems.add(new Problem(at + ".threshold", "is required for a level that is not manual"));
            return false;
        }
        int scale = metric == Metric.SPEND ? Math.max(moneyScale, 0) : 0;
        if (threshold.signum() < 0 || threshold.compareTo(MAX_THRESHOLD) > 0
                || threshold.stripTrailingZeros().scale() > scale) {
            problems.add(new Problem(at + ".threshold", metric == Metric.SPEND
                    ? "must be an amount between 0 and " + MAX_THRESHOLD + " with at most " + scale + " decimals"
                    : "must be a whole number between 0 and " + MAX_THRESHOLD));
            return false;
        }
        return true;
    }

    private static void checkBenefits(Benefits benefits, String at, List<Problem> problems) {
        BigDecimal multiplier = benefits.earnMultiplier();
        if (multiplier == null || multiplier.compareTo(BigDecimal.ONE) < 0 || multiplier.compareTo(HUNDRED) > 0
                || multiplier.stripTrailingZeros().scale() > 4) {
            problems.add(new Problem(at + ".earnMultiplier", "must be between 1 and 100, with at most 4 decimals"));
        }
        BigDecimal discount = benefits.discountPercent();
        if (discount == null || discount.signum() < 0 || discount.compareTo(HUNDRED) > 0
                || discount.stripTrailingZeros().scale() > 2) {
            problems.add(new Problem(at + ".discountPercent", "must be between 0 and 100, with at most 2 decimals"));
        }
        if (benefits.perks().size() > MAX_PERKS || benefits.perks().stream()
                .anyMatch(p -> p == null || p.isBlank() || p.length() > 200)) {
            problems.add(new Problem(at + ".perks", "must be at most " + MAX_PERKS + " texts of 1 to 200 characters"));
        }
    }
}
