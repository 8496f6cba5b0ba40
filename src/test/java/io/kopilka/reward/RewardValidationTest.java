package io.kopilka.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kopilka.rules.CouponOffer;
import io.kopilka.shared.error.ApiProblem;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RewardValidationTest {
    private static final Set<String> STORES = Set.of("main", "mall");

    private static RewardDocument doc(String kind, BigDecimal percent, BigDecimal amount,
                                      RewardDocument.ItemFilter filter) {
        return new RewardDocument(null, "Стрижка", Map.of("kk", "Шаш қию", "en", "Haircut"), "Любая", null, kind,
                3000L, percent, amount, filter, new BigDecimal("0.00"), List.of("main"), null, 20L, null, 30, null, null,
                "https://example.kz/a.png", null, null, null, null);
    }

    private static Reward valid(RewardDocument d) {
        return RewardValidation.toReward(d, UUID.randomUUID(), 2, STORES::contains);
    }

    private static List<String> fields(RewardDocument d) {
        ApiProblem p = catchThrowableOfType(ApiProblem.class, () -> valid(d));
        assertThat(p).as("refused").isNotNull();
        assertThat(p.code()).isEqualTo("validation_failed");
        return p.errors().stream().map(ApiProblem.FieldError::field).toList();
    }

    @Test
    void eachKindWithItsOwnParameter() {
        assertThat(valid(doc("percent_off", new BigDecimal("20"), null, null)).kind())
                .isEqualTo(CouponOffer.Kind.PERCENT_OFF);
        assertThat(valid(doc("amount_off", null, new BigDecimal("500.00"), null)).amount()).isEqualByComparingTo("500");
        Reward free = valid(doc("free_item", null, null, new RewardDocument.ItemFilter(List.of("HAIRCUT"), null)));
        assertThat(free.itemFilter().skus()).containsExactly("HAIRCUT");
        assertThat(valid(doc("gift", null, null, null)).refundOnExpiry()).isTrue();
        Reward experience = valid(doc("experience", null, null, null));
        assertThat(experience.name().in("en")).isEqualTo("Haircut");
        assertThat(experience.name().in("ru")).isEqualTo("Стрижка");
        assertThat(experience.description().name()).isEqualTo("Любая");
    }

    @Test
    void percentAboveZeroAndAtMostAHundred() {
        assertThat(fields(doc("percent_off", null, null, null))).containsExactly("percent");
        assertThat(fields(doc("percent_off", BigDecimal.ZERO, null, null))).containsExactly("percent");
        assertThat(fields(doc("percent_off", new BigDecimal("100.01"), null, null))).containsExactly("percent");
        assertThat(fields(doc("percent_off", new BigDecimal("-5"), null, null))).containsExactly("percent");
        assertThat(valid(doc("percent_off", new BigDecimal("100"), null, null)).percent()).isEqualByComparingTo("100");
    }

    @Test
    void amountAboveZeroAtTheCurrencysScale() {
        assertThat(fields(doc("amount_off", null, null, null))).containsExactly("amount");
        assertThat(fields(doc("amount_off", null, BigDecimal.ZERO, null))).containsExactly("amount");
        assertThat(fields(doc("amount_off", null, new BigDecimal("10.005"), null))).containsExactly("amount");
        ApiProblem wholeCurrency = catchThrowableOfType(ApiProblem.class, () -> RewardValidation.toReward(
                doc("amount_off", null, new BigDecimal("10.5"), null), UUID.randomUUID(), 0, STORES::contains));
        assertThat(wholeCurrency.errors()).extracting(ApiProblem.FieldError::field).containsExactly("amount");
    }

    @Test
    void anotherKindsParameterIsRefused() {
        assertThat(fields(doc("amount_off", new BigDecimal("5"), new BigDecimal("5"), null))).containsExactly("percent");
        assertThat(fields(doc("gift", null, new BigDecimal("5"), null))).containsExactly("amount");
        assertThat(fields(doc("amount_off", null, new BigDecimal("5"), new RewardDocument.ItemFilter(List.of("A"),
                null)))).containsExactly("itemFilter");
        assertThat(fields(doc("free_item", null, null, null))).containsExactly("itemFilter");
        assertThat(fields(doc("free_item", null, null, new RewardDocument.ItemFilter(List.of(), null))))
                .containsExactly("itemFilter");
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        RewardDocument d = new RewardDocument(null, "", Map.of("de", "x"), "x".repeat(2001), null, "coffee", 0L, null,
                null, null, new BigDecimal("-1"), List.of("nowhere"), List.of(""), -1L, 0, 0,
                OffsetDateTime.parse("2026-12-10T00:00:00+05:00"), OffsetDateTime.parse("2026-12-01T00:00:00+05:00"),
                "ftp://example.kz/a.png", null, null, null, null);
        assertThat(fields(d)).containsExactlyInAnyOrder("name", "names", "description", "kind", "costPoints",
                "minSpend", "stores", "tiers", "stock", "perMemberLimit", "couponValidDays", "validTo", "imageUrl");
    }

    @Test
    void storesMustExistAndImagesMustBeWebAddresses() {
        RewardDocument d = doc("gift", null, null, null);
        assertThat(fields(withStoresAndImage(d, List.of("main", "nowhere"), "https://example.kz/a.png")))
                .containsExactly("stores");
        assertThat(fields(withStoresAndImage(d, null, "not a url"))).containsExactly("imageUrl");
        assertThat(fields(withStoresAndImage(d, null, "https://" + "a".repeat(2000)))).containsExactly("imageUrl");
        assertThat(fields(withStoresAndImage(d, null, "javascript:alert(1)"))).containsExactly("imageUrl");
        assertThat(valid(withStoresAndImage(d, List.of("mall"), "http://example.kz/x.jpg")).stores())
                .containsExactly("mall");
    }

    private static RewardDocument withStoresAndImage(RewardDocument d, List<String> stores, String image) {
        return new RewardDocument(null, d.name(), d.names(), d.description(), d.descriptions(), d.kind(),
                d.costPoints(), d.percent(), d.amount(), d.itemFilter(), d.minSpend(), stores, d.tiers(), d.stock(),
                d.perMemberLimit(), d.couponValidDays(), d.validFrom(), d.validTo(), image, d.refundOnExpiry(), null,
                null, null);
    }
}
