package io.kopilka.purchase;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Goods brought back: by items, or by an amount of money (exactly one of the two). */
@Schema(description = "Goods brought back: `items`, or an `amount` of money (exactly one of the two)")
public record ReturnOrder(@Schema(description = "The till's own id of the return: a second return with it gets "
                                  + "the first one's answer", maxLength = 200) String externalId,
                          @Nullable List<ReturnedItem> items,
                          @Nullable @Schema(ref = "DecimalInput", description = "Above 0, with the currency's decimals")
                          BigDecimal amount) {
    public record ReturnedItem(String sku,
                               @Schema(ref = "DecimalInput", description = "Above 0, at most 3 decimals")
                               BigDecimal quantity) {
    }
}
