package io.kopilka.tier.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.kopilka.tier.Benefits;
import io.kopilka.tier.Ladder;
import io.kopilka.tier.Level;
import io.kopilka.tier.Metric;
import io.kopilka.tier.Window;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The ladder as JSON, in docs/api.md's shape. Amounts and factors are strings on the way out; on the way
 * in they may be strings or numbers. Unknown metric or window names become nulls here and are
 * reported by validation with their field, not as unreadable JSON.
 */
@Schema(description = "The ladder of levels. In a request decimals may be strings or numbers; answers carry "
        + "strings")
record LadderDocument(@Schema(allowableValues = {"spend", "points", "visits"}) String metric,
                      WindowDocument window,
                      @Nullable @Schema(description = "Days a member keeps a level after falling below it, 0 to 365")
                      Integer graceDays,
                      @Schema(description = "From the lowest level up") List<LevelDocument> levels,
                      @Nullable @Schema(accessMode = Schema.AccessMode.READ_ONLY,
                              description = "Goes up by one with each replacement; ignored in a request") Long version) {

    /** @param months for rolling_months: 1 to 120 */
    record WindowDocument(@Schema(allowableValues = {"lifetime", "rolling_months", "calendar_year"}) String type,
                          @Nullable Integer months) {
    }

    record LevelDocument(String code, String name,
                         @Nullable @Schema(ref = "DecimalInput", description = "What the metric must reach; none for "
                                 + "a manual level") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal threshold,
                         @Nullable @Schema(description = "Given by hand only (VIP)") Boolean manual,
                         @Nullable BenefitsDocument benefits) {
    }

    record BenefitsDocument(@Nullable @Schema(ref = "DecimalInput", description = "1 to 100; 1 when left out")
                            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal earnMultiplier,
                            @Nullable @Schema(ref = "DecimalInput", description = "0 to 100; 0 when left out")
                            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal discountPercent,
                            @Nullable List<String> perks) {
    }

    /** @param moneyScale spend thresholds are shown with the currency's decimals: "5000.00" */
    static LadderDocument of(Ladder ladder, int moneyScale) {
        Window w = ladder.window();
        WindowDocument window = new WindowDocument(w.type().code(),
                w.type() == Window.Type.ROLLING_MONTHS ? w.months() : null);
        int scale = ladder.metric() == Metric.SPEND ? moneyScale : 0;
        List<LevelDocument> levels = ladder.levels().stream().map(l -> new LevelDocument(l.code(), l.name(),
                l.threshold() == null ? null : l.threshold().setScale(scale, RoundingMode.HALF_UP), l.manual(),
                new BenefitsDocument(plain(l.benefits().earnMultiplier()), plain(l.benefits().discountPercent()),
                        l.benefits().perks()))).toList();
        return new LadderDocument(ladder.metric().code(), window, ladder.graceDays(), levels, ladder.version());
    }

    Ladder toLadder() {
        Metric m = metric == null ? null : Metric.fromCode(metric).orElse(null);
        Window w = window == null ? null : new Window(
                window.type() == null ? null : Window.Type.fromCode(window.type()).orElse(null),
                window.months() == null ? 0 : window.months());
        List<Level> list = levels == null ? List.of() : levels.stream().map(LadderDocument::level).toList();
        return new Ladder(m, w, graceDays == null ? 0 : graceDays, list, 0);
    }

    private static Level level(LevelDocument l) {
        if (l == null) {
            return new Level(null, null, null, false, null);
        }
        Benefits benefits = Benefits.NONE;
        if (l.benefits() != null) {
            BenefitsDocument b = l.benefits();
            benefits = new Benefits(b.earnMultiplier() == null ? BigDecimal.ONE : b.earnMultiplier(),
                    b.discountPercent() == null ? BigDecimal.ZERO : b.discountPercent(), b.perks());
        }
        return new Level(l.code(), l.name(), l.threshold(), Boolean.TRUE.equals(l.manual()), benefits);
    }

    /** "1.5", "2", "0": no trailing zeros, and never an exponent ("2E+1"). */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
