package io.kopilka.web.till.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kopilka.shared.error.ApiProblem;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a purchase kept offline becomes: an earning-only order at the cashier's store, when it happened. */
class OfflinePurchaseTest {
    private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");
    private static final OffsetDateTime TAKEN = OffsetDateTime.parse("2026-12-02T13:30:00+05:00");

    private static OfflinePurchase kept(OffsetDateTime createdAt) {
        return new OfflinePurchase("till-1", " 700123456789 ", new BigDecimal("4500.50"), createdAt, null, null, null);
    }

    @Test
    void itIsOneCheckLineAtTheTotalAtTheStoreWhenTheCashierTookIt() {
        var order = kept(TAKEN).order("dostyk", NOW);
        assertThat(order.externalId()).isEqualTo("till-1");
        assertThat(order.storeCode()).isEqualTo("dostyk");
        assertThat(order.occurredAt()).isEqualTo(TAKEN);
        assertThat(order.member().card()).isEqualTo("700123456789");
        assertThat(order.items()).singleElement().satisfies(item -> {
            assertThat(item.sku()).isEqualTo(OfflinePurchase.CHECK_SKU);
            assertThat(item.quantity()).isEqualByComparingTo("1");
            assertThat(item.unitPrice()).isEqualByComparingTo("4500.50");
        });
        assertThat(order.redeemPoints()).isNull();
        assertThat(order.couponCodes()).isNull();
    }

    @Test
    void aTimeAheadOfTheServersClockCountsAsNowTheSameEachTimeItIsSent() {
        var ahead = kept(OffsetDateTime.parse("2026-12-03T10:00:00+05:00"));
        assertThat(ahead.order("dostyk", NOW).occurredAt()).isNull();
        assertThat(ahead.order("dostyk", NOW)).isEqualTo(ahead.order("dostyk", NOW.plusSeconds(60)));
        assertThat(kept(null).order("dostyk", NOW).occurredAt()).isNull();
    }

    @Test
    void pointsOrCouponsAreRefused() {
        var points = new OfflinePurchase("till-1", "700123456789", BigDecimal.TEN, TAKEN, null, 100L, null);
        var coupons = new OfflinePurchase("till-1", "700123456789", BigDecimal.TEN, TAKEN, null, null, List.of("K7M2"));
        for (var purchase : List.of(points, coupons)) {
            assertThatThrownBy(() -> purchase.order("dostyk", NOW)).isInstanceOfSatisfying(ApiProblem.class,
                    p -> assertThat(p.code()).isEqualTo("needs_network"));
        }
        assertThat(new OfflinePurchase("till-1", "7001", BigDecimal.TEN, TAKEN, null, 0L, List.<String>of()).spendsSomething())
                .isFalse();
    }

    @Test
    void withoutACardATotalAboveZeroOrAStoreThereIsNothingToRecord() {
        for (var bad : List.of(new OfflinePurchase("till-1", " ", BigDecimal.TEN, TAKEN, null, null, null),
                new OfflinePurchase("till-1", "700123456789", null, TAKEN, null, null, null),
                new OfflinePurchase("till-1", "700123456789", BigDecimal.ZERO, TAKEN, null, null, null))) {
            assertThatThrownBy(() -> bad.order("dostyk", NOW)).isInstanceOfSatisfying(ApiProblem.class,
                    p -> assertThat(p.status()).isEqualTo(422));
        }
        assertThatThrownBy(() -> kept(TAKEN).order(null, NOW)).isInstanceOfSatisfying(ApiProblem.class,
                p -> assertThat(p.code()).isEqualTo("no_home_store"));
    }

    @Test
    void aPurchaseKeptAtAnotherStoreIsNotRecordedAtThisOne() {
        var keptAtAbaya = new OfflinePurchase("till-1", "700123456789", BigDecimal.TEN, TAKEN, "abaya", null, null);
        assertThatThrownBy(() -> keptAtAbaya.order("dostyk", NOW)).isInstanceOfSatisfying(ApiProblem.class,
                p -> assertThat(p.code()).isEqualTo("other_store"));
        assertThat(keptAtAbaya.order("abaya", NOW).storeCode()).isEqualTo("abaya");
    }
}
