package io.kopilka.web.till;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.purchase.PurchaseHistory.FrequentItem;
import io.kopilka.purchase.PurchaseOrder;
import io.kopilka.shared.MemberId;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The check form as the till reads it: quantities, the total, and the lines priced from the server's list. */
class CheckFormTest {
    private static final List<FrequentItem> OFFERED = List.of(
            new FrequentItem("HAIRCUT", "Стрижка", "service", new BigDecimal("7000.0000"), 9),
            new FrequentItem("SHAMPOO", "Шампунь", "shampoo", new BigDecimal("3500.0000"), 4));

    private static CheckForm form(String... pairs) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return CheckForm.read(form, null);
    }

    @Test
    void itemsPickedAreLinesAtTheServersPriceAndATypedTotalIsOneMore() {
        CheckForm check = form("externalId", "till-1", "item.HAIRCUT", "2", "item.SHAMPOO", "0", "amount", "1 500",
                "unitPrice.HAIRCUT", "1", "items[0].unitPrice", "1");
        assertThat(check.refusal(OFFERED)).isEmpty();
        assertThat(check.picked()).containsExactly(Map.entry("HAIRCUT", 2));
        assertThat(check.typed("SHAMPOO")).isEqualTo("0");
        assertThat(check.typed("NEW")).isEqualTo("0");
        PurchaseOrder order = check.order(new MemberId(UUID.randomUUID()), "main", null, OFFERED);
        assertThat(order.externalId()).isEqualTo("till-1");
        assertThat(order.items()).containsExactly(
                new PurchaseOrder.Item("HAIRCUT", "Стрижка", "service", BigDecimal.valueOf(2), new BigDecimal("7000.0000")),
                new PurchaseOrder.Item(CheckForm.SKU, null, null, BigDecimal.ONE, new BigDecimal("1500")));
    }

    @Test
    void withoutATotalOnlyTheItemsAndAZeroBesideThemIsNoLine() {
        assertThat(form("item.SHAMPOO", "3").lines(OFFERED)).extracting(PurchaseOrder.Item::sku).containsExactly("SHAMPOO");
        assertThat(form("item.SHAMPOO", "1", "amount", "0").lines(OFFERED)).extracting(PurchaseOrder.Item::sku)
                .containsExactly("SHAMPOO");
        assertThat(form("amount", "4500").lines(OFFERED)).extracting(PurchaseOrder.Item::sku)
                .containsExactly(CheckForm.SKU);
    }

    @Test
    void quantitiesAreWholeNumbersFrom0To99AndAnEmptyFieldIs0() {
        assertThat(CheckForm.quantity("")).isZero();
        assertThat(CheckForm.quantity(" 7 ")).isEqualTo(7);
        assertThat(CheckForm.quantity("99")).isEqualTo(99);
        for (String bad : List.of("100", "-1", "1.5", "2,0", "abc", "1e2")) {
            assertThat(CheckForm.quantity(bad)).as(bad).isNull();
            CheckForm check = form("item.HAIRCUT", bad, "amount", "100");
            assertThat(check.refusal(OFFERED)).as(bad).contains(CheckForm.Refusal.QUANTITY);
            assertThat(check.badQuantity("HAIRCUT")).isTrue();
            assertThat(check.typed("HAIRCUT")).isEqualTo(bad.strip());
        }
    }

    @Test
    void aSkuNotOnTheListIsRefusedWhenPickedAndNothingAtAllAsksForTheAmount() {
        assertThat(form("item.GONE", "1", "amount", "100").refusal(OFFERED)).contains(CheckForm.Refusal.GONE);
        assertThat(form("item.CHECK", "1").refusal(OFFERED)).contains(CheckForm.Refusal.GONE);
        assertThat(form("item.GONE", "0", "amount", "100").refusal(OFFERED)).as("left at 0: not picked").isEmpty();
        assertThat(form("item.HAIRCUT", "0").refusal(OFFERED)).contains(CheckForm.Refusal.NOTHING);
        assertThat(form().refusal(OFFERED)).contains(CheckForm.Refusal.NOTHING);
        assertThat(form("item.HAIRCUT", "1", "amount", "abc").refusal(OFFERED)).contains(CheckForm.Refusal.AMOUNT);
        assertThat(form("amount", "4 500,50").refusal(List.of())).isEmpty();
    }
}
