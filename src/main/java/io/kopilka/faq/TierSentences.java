package io.kopilka.faq;

import io.kopilka.shared.Money;
import io.kopilka.shared.Text;
import io.kopilka.tier.Benefits;
import io.kopilka.tier.Ladder;
import io.kopilka.tier.Level;
import io.kopilka.tier.Window;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * The levels as a customer reads them: what makes a level grow (spend, points or visits), over
 * which stretch of time, and each level with where it starts and what it gives ("«Silver», from
 * 50 000 ₸ spent: points ×1.5, 5% off every purchase, Free coffee."). Perks are the owner's words.
 */
final class TierSentences {
    private TierSentences() {
    }

    static List<Text> of(Ladder ladder, Currency currency) {
        if (!ladder.configured()) {
            return List.of();
        }
        List<Text> texts = new ArrayList<>();
        texts.add(ProgramExplanation.text("how.tiers." + ladder.metric().code()));
        texts.add(window(ladder.window()));
        Level entry = ladder.entry();
        for (Level level : ladder.levels()) {
            Text where = level.manual() ? ProgramExplanation.text("how.tier.manual", "name", level.name())
                    : level == entry ? ProgramExplanation.text("how.tier.entry", "name", level.name())
                    : from(ladder, level, currency);
            List<Text> benefits = benefits(level.benefits());
            texts.add(benefits.isEmpty()
                    ? new Text("how.tier.line.bare", Map.of("level", Spoken.joined(List.of(where))))
                    : new Text("how.tier.line", Map.of("level", Spoken.joined(List.of(where)),
                    "benefits", Spoken.joined(benefits))));
        }
        return texts;
    }

    private static Text window(Window window) {
        return switch (window.type()) {
            case LIFETIME -> ProgramExplanation.text("how.tiers.window.lifetime");
            case ROLLING_MONTHS -> ProgramExplanation.text("how.tiers.window.rolling", "months", (long) window.months());
            case CALENDAR_YEAR -> ProgramExplanation.text("how.tiers.window.year");
        };
    }

    private static Text from(Ladder ladder, Level level, Currency currency) {
        BigDecimal threshold = level.threshold();
        return switch (ladder.metric()) {
            case SPEND -> new Text("how.tier.from.spend", Map.of("name", level.name(),
                    "threshold", Money.of(threshold, currency)));
            case POINTS -> new Text("how.tier.from.points", Map.of("name", level.name(),
                    "threshold", threshold.setScale(0, RoundingMode.CEILING).longValueExact()));
            case VISITS -> new Text("how.tier.from.visits", Map.of("name", level.name(),
                    "threshold", threshold.setScale(0, RoundingMode.CEILING).longValueExact()));
        };
    }

    private static List<Text> benefits(Benefits benefits) {
        List<Text> parts = new ArrayList<>();
        if (benefits.earnMultiplier() != null && benefits.earnMultiplier().compareTo(BigDecimal.ONE) != 0) {
            parts.add(ProgramExplanation.text("how.tier.benefit.multiplier", "factor",
                    ProgramExplanation.plain(benefits.earnMultiplier())));
        }
        if (benefits.discountPercent() != null && benefits.discountPercent().signum() > 0) {
            parts.add(ProgramExplanation.text("how.tier.benefit.discount", "percent",
                    ProgramExplanation.plain(benefits.discountPercent())));
        }
        for (String perk : benefits.perks()) {
            if (perk != null && !perk.isBlank()) {
                parts.add(ProgramExplanation.text("how.tier.benefit.perk", "perk", perk.strip()));
            }
        }
        return parts;
    }
}
