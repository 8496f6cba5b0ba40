package io.kopilka.web.wallet;

import java.util.List;

/**
 * One member's card as the wallet's first page shows it, every figure and sentence ready to print in
 * the member's language: the page only lays it out.
 *
 * @param cardNumber    the digits the QR code encodes and the till types
 * @param cardShown     the same in groups of four, as a person reads it out
 * @param value         what the available points are worth, as receipts print money
 * @param expiringSoon  what expires within the reminder window, soonest first: shown at the top
 * @param nextExpiry    the first expiry after that window; null when there is none
 * @param pending       points on their way, with the day each part becomes available
 * @param tier          null when the business has no levels
 * @param goal          null without one
 */
record CardView(String cardNumber, String cardShown, String available, long availablePoints, String value,
                List<Dated> expiringSoon, Dated nextExpiry, List<Dated> pending, TierView tier,
                List<StampCard> challenges, GoalView goal, List<HistoryLine> history) {

    /** Points on a day: "120 баллов" and "25 декабря". */
    record Dated(String points, String day) {
    }

    /**
     * @param perks     the level's perks in the owner's words, with the discount and multiplier as sentences
     * @param nextName  null at the top and on a manual level
     * @param percent   0 to 100, the bar's width
     * @param left      "Ещё 3 600 ₸ покупок до уровня Gold"; null at the top
     */
    record TierView(String name, List<String> perks, String nextName, int percent, String left) {
    }

    /**
     * A challenge as a stamp card: a circle per visit or item, filled as far as the member got; a
     * bar instead ({@code stamps} null) for money or for targets too long for a row of circles.
     */
    record StampCard(String name, String left, List<Boolean> stamps, int percent, String filledLabel) {
    }

    /** @param reached whether the available points cover it */
    record GoalView(String name, int percent, String left, boolean reached) {
    }

    /** One history entry: its sentence, the signed points and the day. */
    record HistoryLine(String sentence, String points, boolean credit, String day) {
    }
}
