package io.kopilka.web.admin.rules;

import io.kopilka.purchase.Simulation;
import io.kopilka.shared.Money;
import java.util.List;

/**
 * A simulation over the last purchases as the rule's page shows it: before (the live rules) and after
 * (with the edited rule), the difference with its sign, and a few purchases that would change.
 */
record SimulationView(int purchases, int membersAffected, long pointsBefore, long pointsAfter, long pointsDifference,
                      String discountBefore, String discountAfter, String discountDifference, String valueBefore,
                      String valueAfter, String valueDifference, int pointsTrend, int discountTrend,
                      List<Example> examples, int changedCount) {
    static final int EXAMPLES = 5;

    record Example(String purchaseId, String memberId, long pointsBefore, long pointsAfter, String discountBefore,
                   String discountAfter) {
    }

    static SimulationView of(Simulation s) {
        Simulation.Totals t = s.totals();
        List<Example> examples = s.changed().stream().limit(EXAMPLES)
                .map(c -> new Example(c.purchaseId(), c.memberId(), c.livePoints(), c.draftPoints(),
                        c.liveDiscount().printed(), c.draftDiscount().printed())).toList();
        return new SimulationView(t.purchases(), t.membersAffected(), t.live().points(), t.draft().points(),
                t.difference().points(), t.live().discount().printed(), t.draft().discount().printed(),
                signed(t.difference().discount()), t.live().pointsValue().printed(), t.draft().pointsValue().printed(),
                signed(t.difference().pointsValue()), Long.signum(t.difference().points()),
                t.difference().discount().amount().signum(), examples, s.changed().size());
    }

    /** "+1 200 ₸" and "-300 ₸": a difference says which way it goes. */
    private static String signed(Money m) {
        return m.amount().signum() > 0 ? "+" + m.printed() : m.printed();
    }

    public boolean changes() {
        return pointsDifference != 0 || discountTrend != 0 || membersAffected > 0;
    }
}
