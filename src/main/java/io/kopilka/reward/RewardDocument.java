package io.kopilka.reward;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.kopilka.rules.CouponOffer;
import io.kopilka.rules.Rule;
import io.kopilka.shared.Money;
import io.kopilka.shared.Names;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A reward in docs/api.md's shape, for requests and answers alike ({@link RewardValidation} turns a
 * request into a {@link Reward}). {@code id}, {@code stockLeft}, {@code status} and
 * {@code createdAt} are Kopilka's: a request's are ignored.
 */
@Schema(description = "A reward of the catalog. Which of `percent`, `amount` and `itemFilter` it takes depends on "
        + "its `kind`. Decimals in a request may be strings or numbers; answers carry strings")
public record RewardDocument(
        @Nullable @Schema(description = "Set by Kopilka") String id,
        @Schema(description = "In the tenant's language, 1 to 200 characters", example = "Бесплатная стрижка")
        String name,
        @Nullable @Schema(description = "The name in other languages: ru, kk, en",
                example = "{\"kk\": \"Тегін шаш қию\", \"en\": \"Free haircut\"}") Map<String, String> names,
        @Nullable @Schema(description = "Up to 2000 characters") String description,
        @Nullable @Schema(description = "The description in other languages: ru, kk, en")
        Map<String, String> descriptions,
        @Schema(allowableValues = {"percent_off", "amount_off", "free_item", "gift", "experience"}) String kind,
        @Nullable @Schema(description = "Its price in points, 1 to 10⁹; null: not for sale for points (issued only "
                + "by rules, challenges, gifts)") Long costPoints,
        @Nullable @Schema(ref = "DecimalInput", description = "percent_off: above 0, at most 100")
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal percent,
        @Nullable @Schema(ref = "DecimalInput", description = "amount_off: above 0, with the currency's decimals")
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
        @Nullable @Schema(description = "percent_off, free_item: the items it applies to (free_item needs one)")
        ItemFilter itemFilter,
        @Nullable @Schema(ref = "DecimalInput", description = "The check a coupon needs, with the currency's decimals")
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal minSpend,
        @Nullable @Schema(description = "Store codes it is valid in; null: all") List<String> stores,
        @Nullable @Schema(description = "Level codes that may buy it; null: everyone") List<String> tiers,
        @Nullable @Schema(description = "How many coupons may be issued, ever; null: unlimited") Long stock,
        @Nullable @Schema(description = "How many one member may buy; null: no limit") Integer perMemberLimit,
        @Nullable @Schema(description = "Days a coupon is valid, 1 to 3650; null: it does not expire")
        Integer couponValidDays,
        @Nullable OffsetDateTime validFrom, @Nullable OffsetDateTime validTo,
        @Nullable @Schema(description = "An http or https URL, up to 2000 characters") String imageUrl,
        @Nullable @Schema(description = "Whether a coupon bought with points that expires unused gives its points "
                + "back; true when left out") Boolean refundOnExpiry,
        @Nullable @Schema(description = "Coupons left to issue; null: unlimited") Long stockLeft,
        @Nullable @Schema(allowableValues = {"active", "archived"}) String status,
        @Nullable OffsetDateTime createdAt) {

    public record ItemFilter(@Nullable List<String> skus, @Nullable List<String> categories) {
    }

    /** The answer for a reward of the catalog: times in the tenant's zone, money with its currency's decimals. */
    public static RewardDocument of(CatalogReward catalog, ZoneId zone, Currency currency) {
        Reward r = catalog.reward();
        int scale = Money.scaleOf(currency);
        return new RewardDocument(r.id().toString(), r.name().name(), emptyToNull(r.name().names()),
                r.description() == null ? null : r.description().name(),
                r.description() == null ? null : emptyToNull(r.description().names()), code(r.kind()), r.costPoints(),
                r.percent(),
                money(r.amount(), scale), r.itemFilter() == null ? null
                        : new ItemFilter(r.itemFilter().skus(), r.itemFilter().categories()),
                money(r.minSpend(), scale), r.stores(), r.tiers(), r.stock(), r.perMemberLimit(), r.couponValidDays(),
                at(r.validFrom(), zone), at(r.validTo(), zone), r.imageUrl(), r.refundOnExpiry(), catalog.stockLeft(),
                catalog.active() ? "active" : "archived", at(catalog.createdAt(), zone));
    }

    public static String code(CouponOffer.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    static Rule.ItemFilter filter(ItemFilter f) {
        return f == null ? null : new Rule.ItemFilter(f.skus(), f.categories());
    }

    private static Map<String, String> emptyToNull(Map<String, String> names) {
        return names == null || names.isEmpty() ? null : names;
    }

    private static BigDecimal money(BigDecimal amount, int scale) {
        return amount == null ? null : amount.setScale(scale, RoundingMode.UNNECESSARY);
    }

    private static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }

    static Names names(String name, Map<String, String> names) {
        return name == null ? null : new Names(name, names);
    }
}
