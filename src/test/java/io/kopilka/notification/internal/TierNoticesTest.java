package io.kopilka.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.tier.Ladder;
import io.kopilka.tier.Level;
import io.kopilka.tier.Metric;
import io.kopilka.tier.Window;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class TierNoticesTest {
    private static final Level BASE = new Level("base", "Новичок", BigDecimal.ZERO, false, null);
    private static final Level SILVER = new Level("silver", "Серебро", new BigDecimal("20000"), false, null);
    private static final Level VIP = new Level("vip", "VIP", null, true, null);
    private static final Level STAFF = new Level("staff", "Свои", null, true, null);
    private static final Ladder LADDER = new Ladder(Metric.SPEND, Window.rollingMonths(12), 30,
            List.of(BASE, SILVER, VIP, STAFF), 1);

    @Test
    void up_and_down_by_threshold_and_a_manual_level_above_the_reached_ones() {
        assertThat(TierNotices.higher(LADDER, SILVER, BASE)).isTrue();
        assertThat(TierNotices.higher(LADDER, BASE, SILVER)).isFalse();
        assertThat(TierNotices.higher(LADDER, VIP, SILVER)).isTrue();
        assertThat(TierNotices.higher(LADDER, SILVER, VIP)).isFalse();
        assertThat(TierNotices.higher(LADDER, STAFF, VIP)).isTrue();
        assertThat(TierNotices.higher(LADDER, VIP, STAFF)).isFalse();
    }
}
