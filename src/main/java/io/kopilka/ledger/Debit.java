package io.kopilka.ledger;

import io.kopilka.shared.PurchaseId;
import io.kopilka.shared.Text;
import java.util.List;

/**
 * Points a member spends: one entry, the lots first-expiring-first.
 *
 * @param explanation why, as data, so the history reads it in the reader's language ({@code note}
 *                    holds the same in the member's language); null when {@code note} or the type says it
 */
public record Debit(EntryType type, long points, PurchaseId purchaseId, String reason, String note, String actor,
                    List<Text> explanation) {

    public Debit {
        if (points <= 0) {
            throw new IllegalArgumentException("a debit is positive: " + points);
        }
        explanation = explanation == null ? null : List.copyOf(explanation);
    }

    /** Points a purchase redeems. */
    public static Debit redemption(long points, PurchaseId purchase) {
        return new Debit(EntryType.REDEEM, points, purchase, null, null, null, null);
    }

    /** Points an admin takes by hand, with the reason and who did it ({@code actor}). */
    public static Debit adjustment(long points, String reason, String note, String actor) {
        return new Debit(EntryType.ADJUST, points, null, reason, note, actor, null);
    }

    /**
     * Points spent on a reward of the catalog ({@code why}: "Обмен на «Бесплатная стрижка»").
     *
     * @param actor who redeemed it ({@code key:<api key id>})
     */
    public static Debit reward(long points, Text why, String actor) {
        return new Debit(EntryType.REWARD, points, null, null, null, actor, List.of(why));
    }

    /** Points a member gives to a cause ({@code why}: "Для «Посади дерево»: 2 дерева"). */
    public static Debit donation(long points, Text why, String actor) {
        return new Debit(EntryType.DONATE, points, null, null, null, actor, List.of(why));
    }
}
