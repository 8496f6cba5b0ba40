package io.kopilka.occasion;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.program.Program;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WinBackPolicyTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final Program.WinBack FIXED = new Program.WinBack(60, 100, null, 180, null);
    private static final Program.WinBack CADENCE = new Program.WinBack(60, 100, null, 180, new BigDecimal("2.0"));

    private static Instant days(long n) {
        return T0.plus(Duration.ofDays(n));
    }

    @Test
    void withoutCadenceAMemberIsGoneAfterAfterDays() {
        assertThat(WinBackPolicy.absent(FIXED, T0, days(100), 5, days(159))).isFalse();
        assertThat(WinBackPolicy.absent(FIXED, T0, days(100), 5, days(160))).isTrue();
    }

    @Test
    void aMonthlyRegularIsGoneAfterAboutTwoMonths() {
        // Four visits a month apart: the usual interval is 30 days, so gone after 60.
        assertThat(WinBackPolicy.absence(CADENCE, T0, days(90), 4)).isEqualTo(Duration.ofDays(60));
        assertThat(WinBackPolicy.absent(CADENCE, T0, days(90), 4, days(149))).isFalse();
        assertThat(WinBackPolicy.absent(CADENCE, T0, days(90), 4, days(150))).isTrue();
    }

    @Test
    void aTwiceAYearCustomerIsGoneAfterAboutAYear() {
        assertThat(WinBackPolicy.absence(CADENCE, T0, days(360), 3)).isEqualTo(Duration.ofDays(360));
        assertThat(WinBackPolicy.absent(CADENCE, T0, days(360), 3, days(360 + 200))).isFalse();
        assertThat(WinBackPolicy.absent(CADENCE, T0, days(360), 3, days(720))).isTrue();
    }

    @Test
    void fewerThanThreeVisitsOrNoFirstVisitFallBackToAfterDays() {
        assertThat(WinBackPolicy.absence(CADENCE, T0, days(10), 2)).isEqualTo(Duration.ofDays(60));
        assertThat(WinBackPolicy.absence(CADENCE, null, days(10), 5)).isEqualTo(Duration.ofDays(60));
        assertThat(WinBackPolicy.absence(CADENCE, days(10), days(10), 5)).isEqualTo(Duration.ofDays(60));
    }

    @Test
    void aCadenceNeverMeansLessThanADay() {
        assertThat(WinBackPolicy.absence(CADENCE, T0, T0.plusSeconds(600), 10)).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void aMemberWithNoVisitIsNotGone() {
        assertThat(WinBackPolicy.absent(FIXED, null, T0, 0, days(1000))).isFalse();
    }

    @Test
    void aCallBackWaitsOncePerDays() {
        assertThat(WinBackPolicy.mayGiveAgain(FIXED, null, T0)).isTrue();
        assertThat(WinBackPolicy.mayGiveAgain(FIXED, T0, days(179))).isFalse();
        assertThat(WinBackPolicy.mayGiveAgain(FIXED, T0, days(180))).isTrue();
        assertThat(WinBackPolicy.shortestAbsence(FIXED)).isEqualTo(Duration.ofDays(60));
        assertThat(WinBackPolicy.shortestAbsence(CADENCE)).isEqualTo(Duration.ofDays(1));
    }
}
