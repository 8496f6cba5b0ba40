package io.kopilka.purchase.web;

import io.kopilka.purchase.Simulation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A simulation's answer: both receipts for one purchase, or the totals and changes over the last purchases. */
@Schema(name = "Simulation", description = "Against one purchase: `draft` and `live`. Against the last purchases: "
        + "`totals` and `changed`")
record SimulationJson(@Nullable ReceiptJson draft, @Nullable ReceiptJson live, @Nullable Totals totals,
                      @Schema(description = "The purchases that would change; empty against one purchase")
                      List<Changed> changed) {

    record Totals(int purchases, Figures live, Figures draft, Figures difference, int membersAffected) {
    }

    record Figures(long points, @Schema(ref = "Money") String discount,
                   @Schema(ref = "Money", description = "What the points are worth") String pointsValue) {
        static Figures of(Simulation.Figures f) {
            return new Figures(f.points(), f.discount().plain(), f.pointsValue().plain());
        }
    }

    record Changed(String purchaseId, @Nullable String memberId, long livePoints, long draftPoints,
                   @Schema(ref = "Money") String liveDiscount, @Schema(ref = "Money") String draftDiscount) {
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
