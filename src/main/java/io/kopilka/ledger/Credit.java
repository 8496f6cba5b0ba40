package io.kopilka.ledger;

import io.kopilka.shared.PurchaseId;
import io.kopilka.shared.ReturnId;
import io.kopilka.shared.Text;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Points given to a member: a new lot (after any debt is paid) and one entry. Made by the factory
 * of its kind, which says which of the optional fields that kind carries.
 *
 * @param availableAt when the points can be spent (pending days)
 * @param expiresAt   when they expire, or null for never
 * @param explanation why, as data, so history reads it in the reader's language ({@code note} holds
 *                    the same in the member's language when there is one); null when the type says it
 */
public record Credit(EntryType type, long points, Instant availableAt, Instant expiresAt, PurchaseId purchaseId,
                     ReturnId returnId, String ruleName, String reason, String note, String actor,
                     List<Text> explanation) {

    public Credit {
        if (points <= 0) {
            throw new IllegalArgumentException("a credit is positive: " + points);
        }
    }

    /**
     * What a purchase earned, with the rules that gave it ({@code ruleNames}), their explanation in the
     * member's language ({@code note}) and the same as data ({@code explanation}).
     */
    public static Credit earned(long points, Instant availableAt, Instant expiresAt, PurchaseId purchase,
                                String ruleNames, String note, List<Text> explanation) {
        return new Credit(EntryType.EARN, points, availableAt, expiresAt, purchase, null, ruleNames, null, note, null,
                explanation);
    }

    /** Redeemed points a return gives back, available at once. */
    public static Credit refund(long points, Instant at, Instant expiresAt, PurchaseId purchase, ReturnId ret) {
        return new Credit(EntryType.REFUND, points, at, expiresAt, purchase, ret, null, null, null, null, null);
    }

    /** Points an admin gives by hand, with the reason and who did it ({@code actor}). */
    public static Credit adjustment(long points, Instant at, Instant expiresAt, String reason, String note,
                                    String actor) {
        return new Credit(EntryType.ADJUST, points, at, expiresAt, null, null, null, reason, note, actor, null);
    }

    /**
     * Points given back outside a return ({@code why}: a cancelled or expired coupon bought with
     * points), available at once.
     */
    public static Credit refund(long points, Instant at, Instant expiresAt, Text why) {
        return new Credit(EntryType.REFUND, points, at, expiresAt, null, null, null, null, null, null, List.of(why));
    }

    /**
     * Points a staff member gives with a reason ({@code why}: "Подарок от администратора: долгое
     * ожидание"), counted against their key's daily limit.
     */
    public static Credit gift(long points, Instant at, Instant expiresAt, String reason, String note, String actor,
                              Text why) {
        return new Credit(EntryType.GIFT, points, at, expiresAt, null, null, null, reason, note, actor, List.of(why));
    }

    /**
     * A completed challenge's points, or a referral's ({@code type} CHALLENGE or REFERRAL): earned with
     * a purchase, so pending like its earning ({@code availableAt}) and taken back with it by a return
     * (the lot carries the purchase).
     */
    public static Credit forPurchase(EntryType type, long points, Instant availableAt, Instant expiresAt,
                                     PurchaseId purchase, Text why) {
        if (type != EntryType.CHALLENGE && type != EntryType.REFERRAL) {
            throw new IllegalArgumentException("not a purchase's bonus: " + type);
        }
        return new Credit(type, points, availableAt, expiresAt, purchase, null, null, null, null, null, List.of(why));
    }

    /** Points of an occasion ({@code type} BIRTHDAY or WIN_BACK), given by the program's daily job. */
    public static Credit occasion(EntryType type, long points, Instant at, Instant expiresAt, Text why) {
        if (type != EntryType.BIRTHDAY && type != EntryType.WIN_BACK) {
            throw new IllegalArgumentException("not an occasion: " + type);
        }
        return new Credit(type, points, at, expiresAt, null, null, null, null, null, "system", List.of(why));
    }

    /** The program's gift to a member who joins. */
    public static Credit welcome(long points, Instant at, Instant expiresAt) {
        return new Credit(EntryType.WELCOME, points, at, expiresAt, null, null, null, null, null, null,
                List.of(new Text("history.welcome", Map.of())));
    }

    /**
     * Whether the points count in the member's lifetime earnings: a refund gives back what was
     * spent, and a transfer moves what another member earned.
     */
    public boolean earning() {
        return type != EntryType.REFUND && type != EntryType.TRANSFER_IN;
    }
}
