package io.kopilka.purchase.web;

import io.kopilka.purchase.Simulation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A simulation's answer: both receipts for one purchase, or the totals and changes over the last purchases. */
@Schema(name = "Simulation")
record SimulationJson(ReceiptJson draft, ReceiptJson live, Totals totals, List<Changed> changed) {

    record Totals(int purchases, Figures live, Figures draft, Figures difference, int membersAffected) {
    }

    record Figures(long points, String discount, String pointsValue) {
        static Figures of(Simulation.Figures f) {
            return new Figures(f.points(), f.discount().plain(), f.pointsValue().plain());
        }
    }

    record Changed(String purchaseId, String memberId, long livePoints, long draftPoints, String liveDiscount,
                   String draftDiscount) {
    }

    static SimulationJson of(Simulation s) {
        Totals totals = s.totals() == null ? null : new Totals(s.totals().purchases(), Figures.of(s.totals().live()),
                Figures.of(s.totals().draft()), Figures.of(s.totals().difference()), s.totals().membersAffected());
        return new SimulationJson(s.draft() == null ? null : ReceiptJson.of(s.draft()),
                s.live() == null ? null : ReceiptJson.of(s.live()), totals, s.changed().stream()
                .map(c -> new Changed(c.purchaseId(), c.memberId(), c.livePoints(), c.draftPoints(),
                        c.liveDiscount().plain(), c.draftDiscount().plain())).toList());
    }
}
