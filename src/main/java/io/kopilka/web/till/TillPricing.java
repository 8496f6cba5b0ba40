package io.kopilka.web.till;

import io.kopilka.purchase.Purchases;
import io.kopilka.purchase.Receipt;
import io.kopilka.shared.Money;
import io.kopilka.shared.error.ApiProblem;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/** The check priced by {@code Purchases.quote}: the quote under the amount and the points a commit spends. */
@Component
class TillPricing {
    private final Purchases purchases;

    TillPricing(Purchases purchases) {
        this.purchases = purchases;
    }

    /** The check priced twice at most: with the most points it may take, and as the switch says. */
    TillQuote quote(TillScreen.Context c, CheckForm check) {
        long max = maxRedeem(c, check);
        Receipt receipt = purchases.quote(c.me().caller(), check.order(c.member().id(), c.store(),
                check.redeem() && max > 0 ? max : null, c.items()));
        long spend = receipt.pointsRedeemed();
        Money maxValue = Money.floor(c.program().pointValue().multiply(BigDecimal.valueOf(max)), c.tenant().currency());
        return new TillQuote(receipt.subtotal(), receipt.discount(), receipt.payable(), receipt.pointsEarned(), max,
                maxValue, spend, c.program().needsConfirmation(spend), receipt.messages());
    }

    /** The most points this check may take: the balance against the program's share cap and minimum. */
    long maxRedeem(TillScreen.Context c, CheckForm check) {
        long available = c.view().balance().available();
        if (available <= 0 || available < c.program().minRedeemPoints() || check.refusal(c.items()).isPresent()) {
            return 0;
        }
        try {
            return purchases.quote(c.me().caller(), check.order(c.member().id(), c.store(), available, c.items()))
                    .pointsRedeemed();
        } catch (ApiProblem tooSmall) {
            return 0; // below the program's minimum: this check cannot take points
        }
    }

    /** What the commit spends: the maximum the quote showed, so a retry sends the very same check. */
    Long redeemable(TillScreen.Context c, CheckForm check) {
        long points = check.redeemPoints() != null ? check.redeemPoints() : maxRedeem(c, check);
        return points > 0 ? points : null;
    }
}
