package io.kopilka.cause;

import io.kopilka.shared.Names;
import java.util.Map;

/**
 * A cause as its owner writes it, checked ({@link CauseValidation}).
 *
 * @param verb        what giving a unit is, per language ("посадили", "отырғыздық", "planted"), for
 *                    "Вместе мы посадили 120 деревьев"; null: the sentence names no deed
 * @param goalUnits   null: no goal
 */
public record CauseDraft(Names names, String description, UnitWords unit, Map<String, String> verb,
                         long pointsPerUnit, Long goalUnits, boolean active) {

    public CauseDraft {
        verb = verb == null ? null : Map.copyOf(verb);
    }
}
