package io.kopilka.reward.web;

import io.kopilka.reward.Coupon;
import io.kopilka.reward.CouponTerms;
import io.kopilka.reward.RewardDocument;
import io.kopilka.shared.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A coupon as tills and screens read it. */
@Schema(name = "Coupon")
record CouponView(@Schema(example = "K7M2-9QXD-4TRW") String code, String rewardId, String memberId,
                  @Schema(allowableValues = {"percent_off", "amount_off", "free_item", "gift", "experience"})
                  String kind,
                  @Schema(description = "An active coupon past its expiry shows as expired",
                          allowableValues = {"active", "used", "expired", "cancelled"}) String status,
                  @Schema(allowableValues = {"redemption", "rule", "challenge", "referral", "gift", "birthday",
                          "win_back", "welcome"}) String source,
                  OffsetDateTime issuedAt, @Nullable @Schema(description = "null: it does not expire")
                  OffsetDateTime expiresAt,
                  @Nullable String usedInPurchaseId,
                  @Nullable @Schema(description = "For the staff (an experience's wishes)") String note,
                  @Schema(description = "In the member's language, else the tenant's") String rewardName,
                  @Schema(description = "What it is worth, as its reward said when it was issued") Discount discount) {

    record Discount(@Nullable @Schema(description = "percent_off") String percent,
                    @Nullable @Schema(ref = "Money", description = "amount_off") String amount,
                    RewardDocument.@Nullable ItemFilter itemFilter,
                    @Nullable @Schema(ref = "Money") String minSpend,
                    @Nullable @Schema(description = "Store codes it is valid in; null: all") List<String> stores) {
    }

    static CouponView of(Coupon c, ZoneId zone, Currency currency, String language, Instant now) {
        CouponTerms t = c.terms();
        Discount discount = new Discount(t.percent() == null ? null : t.percent().toPlainString(),
                money(t.amount(), currency), t.itemFilter() == null ? null
                        : new RewardDocument.ItemFilter(t.itemFilter().skus(), t.itemFilter().categories()),
                money(t.minSpend(), currency), t.stores());
        return new CouponView(c.displayCode(), c.rewardId().toString(), c.member().toString(),
                RewardDocument.code(t.kind()), c.statusAt(now).code(), c.source().code(),
                c.issuedAt().atZone(zone).toOffsetDateTime(),
                c.expiresAt() == null ? null : c.expiresAt().atZone(zone).toOffsetDateTime(),
                c.usedIn() == null ? null : c.usedIn().toString(), c.note(), t.name().in(language), discount);
    }

    private static String money(BigDecimal amount, Currency currency) {
        return amount == null ? null : Money.of(amount, currency).plain();
    }
}
