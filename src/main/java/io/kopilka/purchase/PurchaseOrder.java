package io.kopilka.purchase;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A purchase as a till sends it (docs/api.md, "Purchases"). */
public record PurchaseOrder(@Schema(description = "The till's own id of the check: a second purchase with it "
                                    + "gets the first one's answer", maxLength = 200) String externalId,
                            String storeCode,
                            @Nullable @Schema(description = "`pos` when left out", maxLength = 40) String channel,
                            @Nullable @Schema(description = "When the purchase happened; now when left out")
                            OffsetDateTime occurredAt,
                            @Nullable @Schema(description = "Who buys; left out for a guest purchase")
                            MemberReference member,
                            @Schema(description = "1 to 500 items") List<Item> items,
                            @Nullable @Schema(description = "Points to spend on this purchase") Long redeemPoints,
                            @Nullable @Schema(description = "Coupons to use, up to 20; any case, dashes optional. "
                                    + "They apply before points are redeemed")
                            List<String> couponCodes) {

    @Schema(description = "The member, by exactly one of id, phone and card")
    public record MemberReference(@Nullable String id, @Nullable String phone, @Nullable String card) {
    }

    public record Item(@Schema(maxLength = 100) String sku, @Nullable @Schema(maxLength = 200) String name,
                       @Nullable @Schema(maxLength = 100) String category,
                       @Schema(ref = "DecimalInput", description = "Above 0, at most 3 decimals") BigDecimal quantity,
                       @Schema(ref = "DecimalInput", description = "0 or more, with the currency's decimals")
                       BigDecimal unitPrice) {
    }
}
