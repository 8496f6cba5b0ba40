package io.kopilka.cause.web;

import io.kopilka.cause.CauseDraft;
import io.kopilka.cause.CauseValidation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A cause as its owner sends it ({@code POST} and {@code PUT}); also what a retry's fingerprint is taken of. */
@Schema(name = "CauseInput")
record CauseDocument(
        @Schema(description = "In the tenant's language, 1 to 200 characters", example = "Посади дерево") String name,
        @Nullable @Schema(description = "The name in other languages: ru, kk, en") Map<String, String> names,
        @Nullable @Schema(description = "Up to 2000 characters") String description,
        @Schema(description = "The unit's word in ru, kk and en, each required",
                example = "{\"ru\": \"дерево\", \"kk\": \"ағаш\", \"en\": \"tree\"}") Map<String, String> unit,
        @Nullable @Schema(description = "The unit's word after a count, per language and plural category (ru: "
                + "one, few, many; kk and en: one, other), e.g. {\"ru\": {\"one\": \"дерево\", \"few\": \"дерева\", "
                + "\"many\": \"деревьев\"}}; a form left out reads the plain unit (English: its regular plural)")
        Map<String, Map<String, String>> unitForms,
        @Nullable @Schema(description = "What giving a unit is, in ru, kk and en (\"посадили\", \"отырғыздық\", "
                + "\"planted\"), for \"Вместе мы посадили 120 деревьев\"; without it the sentence names no deed")
        Map<String, String> verb,
        @Schema(description = "Points that make one unit, 1 to 1000000", example = "500") Long pointsPerUnit,
        @Nullable @Schema(description = "The units aimed at, 1 to 10^9; null: no goal", example = "1000")
        Long goalUnits,
        @Nullable @Schema(description = "Whether it takes donations and rule contributions; true when left out")
        Boolean active) {

    CauseDraft toDraft() {
        return CauseValidation.check(new CauseValidation.Input(name, names, description, unit, unitForms, verb,
                pointsPerUnit, goalUnits, active));
    }
}
