package io.kopilka.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kopilka.analytics.Summary;
import io.kopilka.ledger.EntryType;
import io.kopilka.ledger.PointsStatistics.DayMovement;
import io.kopilka.purchase.PurchaseStatistics.DaySales;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DailyFiguresTest {
    private static final LocalDate D1 = LocalDate.of(2026, 11, 30);
    private static final Currency KZT = Currency.getInstance("KZT");

    @Test
    void everyDayIsThereAndOnlyTheProgramsCreditsCountAsIssued() {
        DailyFigures f = new DailyFigures(D1, D1.plusDays(2), KZT)
                .sales(List.of(new DaySales(D1, true, 2, new BigDecimal("100.5")),
                        new DaySales(D1, false, 1, new BigDecimal("7"))))
                .joined(Map.of(D1.plusDays(2), 3L))
                .points(List.of(new DayMovement(D1, EntryType.EARN, 40, 0),
                        new DayMovement(D1, EntryType.ADJUST, 10, 4),
                        new DayMovement(D1, EntryType.TRANSFER_IN, 25, 0),
                        new DayMovement(D1, EntryType.REFUND, 5, 0),
                        new DayMovement(D1, EntryType.DONATE, 0, 6),
                        new DayMovement(D1.plusDays(1), EntryType.EXPIRE, 0, 9)));
        List<Summary.Day> days = f.days();
        assertThat(days).extracting(Summary.Day::date).containsExactly(D1, D1.plusDays(1), D1.plusDays(2));
        Summary.Figures first = days.getFirst().figures();
        assertThat(first.pointsIssued()).isEqualTo(50);
        assertThat(first.pointsRedeemed()).isEqualTo(6);
        assertThat(first.pointsByType()).containsEntry("adjust", 6L).containsEntry("transfer_in", 25L);
        assertThat(first.memberRevenue().plain()).isEqualTo("100.50");
        assertThat(days.get(1).figures().pointsExpired()).isEqualTo(9);
        Summary.Figures totals = f.totals();
        assertThat(totals.newMembers()).isEqualTo(3);
        assertThat(totals.memberPurchases() + totals.guestPurchases()).isEqualTo(3);
        assertThat(totals.guestRevenue().plain()).isEqualTo("7.00");
    }

    @Test
    void aRowOutsideTheRangeIsABug() {
        assertThatThrownBy(() -> new DailyFigures(D1, D1, KZT).joined(Map.of(D1.minusDays(1), 1L)))
                .isInstanceOf(IllegalStateException.class);
    }
}
