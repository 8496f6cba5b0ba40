package io.kopilka.purchase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kopilka.shared.error.ApiProblem;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A till's request is checked field by field, and every bad field is reported in one answer. */
class OrderValidationTest {
    private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");
    private static final PurchaseOrder.MemberReference MEMBER = new PurchaseOrder.MemberReference("m", null, null);

    private static PurchaseOrder.Item item(String sku, String quantity, String unitPrice) {
        return new PurchaseOrder.Item(sku, null, null, quantity == null ? null : new BigDecimal(quantity),
                unitPrice == null ? null : new BigDecimal(unitPrice));
    }

    private static PurchaseOrder order(PurchaseOrder.Item... items) {
        return new PurchaseOrder("till-1", "main", "pos", null, MEMBER, List.of(items), 0L, null);
    }

    private static List<String> fields(Runnable check) {
        ApiProblem p = catchThrowableOfType(ApiProblem.class, check::run);
        assertThat(p).as("refused").isNotNull();
        assertThat(p.status()).isEqualTo(422);
        assertThat(p.code()).isEqualTo("validation_failed");
        p.errors().forEach(e -> assertThat(e.message()).as(e.field()).isNotBlank());
        return p.errors().stream().map(ApiProblem.FieldError::field).toList();
    }

    @Test
    void aGoodOrderPasses() {
        assertThatCode(() -> OrderValidation.check(order(item("A", "1", "5000.00"), item("B", "0.250", "0")), NOW, 30, 2))
                .doesNotThrowAnyException();
        assertThatCode(() -> OrderValidation.check(new PurchaseOrder("g", "main", null,
                OffsetDateTime.ofInstant(NOW.minus(Duration.ofDays(30)), ZoneOffset.ofHours(5)), null,
                List.of(item("A", "1", "1")), null, List.of()), NOW, 30, 2)).doesNotThrowAnyException();
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        PurchaseOrder bad = new PurchaseOrder(" ", "s".repeat(65), "c".repeat(41),
                OffsetDateTime.ofInstant(NOW.plus(Duration.ofMinutes(6)), ZoneOffset.UTC), MEMBER,
                List.of(item(null, "0", "-1"), item("B".repeat(101), "1.0001", "1.001"),
                        new PurchaseOrder.Item("C", "n".repeat(201), "k".repeat(101), BigDecimal.ONE, BigDecimal.ONE)),
                -1L, List.of("WELCOME10", ""));
        assertThat(fields(() -> OrderValidation.check(bad, NOW, 30, 2))).containsExactlyInAnyOrder(
                "externalId", "storeCode", "channel", "occurredAt",
                "items[0].sku", "items[0].quantity", "items[0].unitPrice",
                "items[1].sku", "items[1].quantity", "items[1].unitPrice",
                "items[2].name", "items[2].category",
                "redeemPoints", "couponCodes");
    }

    @ParameterizedTest(name = "quantity {0}, unitPrice {1} → {2}")
    @CsvSource(nullValues = "null", value = {
            "0,        1,          items[0].quantity",
            "-1,       1,          items[0].quantity",
            "null,     1,          items[0].quantity",
            "1000001,  1,          items[0].quantity",
            "0.0001,   1,          items[0].quantity",
            "1,        -0.01,      items[0].unitPrice",
            "1,        null,       items[0].unitPrice",
            "1,        1000000001, items[0].unitPrice",
            "1,        0.001,      items[0].unitPrice",
    })
    void eachBadItemFieldIsNamed(String quantity, String unitPrice, String field) {
        assertThat(fields(() -> OrderValidation.check(order(item("A", quantity, unitPrice)), NOW, 30, 2)))
                .containsExactly(field);
    }

    @ParameterizedTest(name = "quantity {0}, unitPrice {1} passes")
    @CsvSource({"1000000, 100000", "100, 1000000000", "0.001, 0", "2.500, 0.10", "1, 12.50000"})
    void limitsThemselvesAreAllowed(String quantity, String unitPrice) {
        assertThatCode(() -> OrderValidation.check(order(item("A", quantity, unitPrice)), NOW, 30, 2))
                .doesNotThrowAnyException();
    }

    /** Each line's bounds allowed 10^6 × 10^9 = 10^15, which the money columns cannot hold (a 500). */
    @Test
    void theWholePurchaseIsBoundedToo() {
        assertThat(fields(() -> OrderValidation.check(order(item("A", "1000000", "1000000000")), NOW, 30, 2)))
                .containsExactly("items");
        assertThat(fields(() -> OrderValidation.check(order(item("A", "1000000", "100000"), item("B", "1", "0.01")),
                NOW, 30, 2))).containsExactly("items");
    }

    @Test
    void occurredAtMayBeAFewMinutesAheadButNotOlderThanTheBackdateLimit() {
        OffsetDateTime skewed = OffsetDateTime.ofInstant(NOW.plus(Duration.ofMinutes(5)), ZoneOffset.UTC);
        assertThatCode(() -> OrderValidation.check(withTime(skewed), NOW, 30, 2)).doesNotThrowAnyException();
        OffsetDateTime old = OffsetDateTime.ofInstant(NOW.minus(Duration.ofDays(7)).minusSeconds(1), ZoneOffset.UTC);
        assertThat(fields(() -> OrderValidation.check(withTime(old), NOW, 7, 2))).containsExactly("occurredAt");
        assertThatCode(() -> OrderValidation.check(withTime(old), NOW, 8, 2)).doesNotThrowAnyException();
        OffsetDateTime yesterday = OffsetDateTime.ofInstant(NOW.minus(Duration.ofDays(1)), ZoneOffset.UTC);
        assertThat(fields(() -> OrderValidation.check(withTime(yesterday), NOW, 0, 2))).containsExactly("occurredAt");
    }

    private static PurchaseOrder withTime(OffsetDateTime at) {
        return new PurchaseOrder("till-1", "main", null, at, MEMBER, List.of(item("A", "1", "1")), null, null);
    }

    @Test
    void itemsMustBeThereAndNotTooMany() {
        assertThat(fields(() -> OrderValidation.check(new PurchaseOrder("x", "main", null, null, MEMBER, null, 0L,
                null), NOW, 30, 2))).containsExactly("items");
        assertThat(fields(() -> OrderValidation.check(new PurchaseOrder("x", "main", null, null, MEMBER, List.of(),
                0L, null), NOW, 30, 2))).containsExactly("items");
        List<PurchaseOrder.Item> many = new ArrayList<>(Collections.nCopies(501, item("A", "1", "1")));
        assertThat(fields(() -> OrderValidation.check(new PurchaseOrder("x", "main", null, null, MEMBER, many, 0L,
                null), NOW, 30, 2))).containsExactly("items");
        List<PurchaseOrder.Item> withNull = new ArrayList<>();
        withNull.add(item("A", "1", "1"));
        withNull.add(null);
        assertThat(fields(() -> OrderValidation.check(new PurchaseOrder("x", "main", null, null, MEMBER, withNull, 0L,
                null), NOW, 30, 2))).containsExactly("items[1]");
    }

    @Test
    void aGuestCannotSpendPointsAndNobodySpendsAbsurdAmounts() {
        PurchaseOrder guest = new PurchaseOrder("x", "main", null, null, null, List.of(item("A", "1", "1")), 10L, null);
        assertThat(fields(() -> OrderValidation.check(guest, NOW, 30, 2))).containsExactly("redeemPoints");
        PurchaseOrder absurd = new PurchaseOrder("x", "main", null, null, MEMBER, List.of(item("A", "1", "1")),
                1_000_000_001L, null);
        assertThat(fields(() -> OrderValidation.check(absurd, NOW, 30, 2))).containsExactly("redeemPoints");
    }

    @Test
    void aCurrencyWithoutDecimalsStillTakesPricesInCents() {
        // scale 0 (e.g. JPY): prices may still carry 2 decimals, not 3.
        assertThatCode(() -> OrderValidation.check(order(item("A", "1", "1.25")), NOW, 30, 0)).doesNotThrowAnyException();
        assertThat(fields(() -> OrderValidation.check(order(item("A", "1", "1.255")), NOW, 30, 0)))
                .containsExactly("items[0].unitPrice");
    }

    @Test
    void aReturnNamesItemsOrAnAmountNotBothNotNeither() {
        assertThat(fields(() -> OrderValidation.check(new ReturnOrder("r", null, null), 2))).containsExactly("items");
        assertThat(fields(() -> OrderValidation.check(new ReturnOrder("r", List.of(), null), 2))).containsExactly("items");
        assertThat(fields(() -> OrderValidation.check(new ReturnOrder("r",
                List.of(new ReturnOrder.ReturnedItem("A", BigDecimal.ONE)), BigDecimal.TEN), 2))).containsExactly("items");
        assertThatCode(() -> OrderValidation.check(new ReturnOrder("r", null, new BigDecimal("10.50")), 2))
                .doesNotThrowAnyException();
    }

    @Test
    void everyBadReturnFieldIsReportedAtOnce() {
        List<ReturnOrder.ReturnedItem> items = new ArrayList<>();
        items.add(new ReturnOrder.ReturnedItem(" ", BigDecimal.ZERO));
        items.add(new ReturnOrder.ReturnedItem("A", new BigDecimal("0.0001")));
        items.add(null);
        assertThat(fields(() -> OrderValidation.check(new ReturnOrder(null, items, null), 2)))
                .containsExactlyInAnyOrder("externalId", "items[0].sku", "items[0].quantity", "items[1].quantity",
                        "items[2].sku", "items[2].quantity");
    }

    @ParameterizedTest(name = "amount {0}")
    @CsvSource({"0", "-1", "0.001", "1000000001"})
    void aBadReturnAmountIsNamed(String amount) {
        assertThat(fields(() -> OrderValidation.check(new ReturnOrder("r", null, new BigDecimal(amount)), 2)))
                .containsExactly("amount");
    }
}
