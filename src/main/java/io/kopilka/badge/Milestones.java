package io.kopilka.badge;

import io.kopilka.shared.Names;
import io.kopilka.shared.Text;
import io.kopilka.shared.Texts;
import io.kopilka.tier.ChangeReason;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The badges the program gives by itself, without a challenge: a member's first visit, their tenth,
 * and each level they move up to. Named from the message bundles in every language at award time,
 * so the badge keeps the words it was earned with.
 *
 * <p>A badge is a memory, not a balance: a return that takes the visit back (even of the very
 * purchase that gave {@code first_visit} or {@code tenth_visit}) leaves the badge where it is, and
 * a member who moves down keeps the level's badge. Nothing ever takes a badge away; each code is
 * given at most once per member, so a member who reaches the tenth visit again after a return gets
 * nothing new.
 */
public final class Milestones {
    public static final String FIRST_VISIT = "first_visit";
    public static final String TENTH_VISIT = "tenth_visit";
    /** Followed by the level's code: {@code new_level_silver}. */
    public static final String NEW_LEVEL = "new_level_";
    /** The source of the visit badges. */
    public static final String MILESTONE = "milestone";
    /** The source of the level badges. */
    public static final String TIER = "tier";

    private Milestones() {
    }

    /**
     * A visit badge the member earns with their {@code visits}-th visit, or none: decided from the
     * count alone; the tenant's language is asked for only when there is a badge to name.
     */
    public static Optional<Milestone> atVisit(int visits, Supplier<String> tenantLanguage) {
        return switch (visits) {
            case 1 -> Optional.of(new Milestone(FIRST_VISIT, named("badge.first-visit", Map.of(), tenantLanguage.get())));
            case 10 -> Optional.of(new Milestone(TENTH_VISIT,
                    named("badge.tenth-visit", Map.of(), tenantLanguage.get())));
            default -> Optional.empty();
        };
    }

    /** Whether a change for this reason can be a move up: others need no look at the ladder. */
    public static boolean mayMoveUp(ChangeReason reason) {
        return reason == ChangeReason.QUALIFIED || reason == ChangeReason.ASSIGNED;
    }

    /**
     * The badge of a level the member moved up to, or none when the change was no move up: a level
     * reached by qualifying is always a higher one; an assignment is one when the new level stands
     * after the old in the owner's order of the ladder; a grace period ending, or a level taken out
     * of the ladder, is not.
     *
     * @param ladder    the ladder's level codes in the owner's order
     * @param levelName the new level's name, as the owner wrote it
     */
    public static Optional<Milestone> atLevel(ChangeReason reason, String from, String to, List<String> ladder,
                                              String levelName, String tenantLanguage) {
        boolean up = switch (reason) {
            case QUALIFIED -> true;
            case ASSIGNED -> ladder.contains(from) && ladder.indexOf(to) > ladder.indexOf(from);
            case GRACE_ENDED, LEVEL_REMOVED -> false;
        };
        return up ? Optional.of(new Milestone(NEW_LEVEL + to,
                named("badge.new-level", Map.of("level", levelName), tenantLanguage))) : Optional.empty();
    }

    private static Names named(String key, Map<String, Object> args, String tenantLanguage) {
        Text text = new Text(key, args);
        Map<String, String> names = new HashMap<>();
        for (String language : Texts.LANGUAGES) {
            names.put(language, Texts.messages().render(text, language));
        }
        return new Names(Texts.messages().render(text, tenantLanguage), names);
    }

    /** A badge to give: its code and its name in every language. */
    public record Milestone(String code, Names name) {
    }
}
