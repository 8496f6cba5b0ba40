package io.kopilka.cause.web;

import io.kopilka.cause.Cause;
import io.kopilka.cause.CauseDraft;
import io.kopilka.cause.CauseTexts;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A cause with its totals, as answers show it. */
@Schema(name = "Cause")
record CauseView(String id, String name, Map<String, String> names, @Nullable String description,
                 Map<String, String> unit, Map<String, Map<String, String>> unitForms,
                 @Nullable Map<String, String> verb, long pointsPerUnit, @Nullable Long goalUnits, boolean active,
                 @Schema(description = "Points given, by members and by rules, less what returns took back")
                 long totalPoints,
                 @Schema(description = "Whole units reached: totalPoints / pointsPerUnit, rounded down") long units,
                 @Schema(description = "Members who have donated at least once") long donors,
                 @Nullable @Schema(description = "units / goalUnits, two decimals rounded down (above 1 past the "
                         + "goal); null without a goal", example = "0.12") String progress,
                 @Schema(description = "The sentence for customers in ru, kk and en: \"Вместе мы посадили 120 "
                         + "деревьев\"") Map<String, String> together,
                 OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    static CauseView of(Cause c, ZoneId zone) {
        CauseDraft d = c.draft();
        return new CauseView(c.id().toString(), d.names().name(), d.names().names(), d.description(), d.unit().unit(),
                d.unit().forms(), d.verb(), d.pointsPerUnit(), d.goalUnits(), d.active(), c.totalPoints(), c.units(),
                c.donors(), c.progress(), CauseTexts.togetherInEveryLanguage(c),
                c.createdAt().atZone(zone).toOffsetDateTime(), c.updatedAt().atZone(zone).toOffsetDateTime());
    }
}
