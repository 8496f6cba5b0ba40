package io.kopilka.web.wallet;

import io.kopilka.memberaccess.WalletMember;
import io.kopilka.reward.Redemptions;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.shared.idempotency.Idempotency;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Rewards for points: the catalog as the member can use it, an exchange confirmed on its own page,
 * and the coupons it makes, each with its QR code. The exchange is the REST redemption's facade,
 * once per key drawn into the confirmation's form.
 */
@Controller
class RewardsPage {
    private final WalletPages pages;
    private final RewardViews rewards;
    private final Redemptions redemptions;
    private final Idempotency idempotency;

    RewardsPage(WalletPages pages, RewardViews rewards, Redemptions redemptions, Idempotency idempotency) {
        this.pages = pages;
        this.rewards = rewards;
        this.redemptions = redemptions;
        this.idempotency = idempotency;
    }

    /** What the exchange's key is fingerprinted with, and what a replay answers. */
    public record Exchange(String rewardId) {
    }

    public record Exchanged(String couponCode) {
    }

    @GetMapping("/w/{slug}/rewards")
    String list(@AuthenticationPrincipal WalletMember me, @PathVariable String slug, Model model, Locale locale) {
        var visit = pages.visit(me, slug, model, locale);
        model.addAttribute("view", rewards.of(visit.tenant().id(), visit.member(), visit.formats()));
        return "wallet/rewards";
    }

    @GetMapping("/w/{slug}/rewards/{id}")
    String confirm(@AuthenticationPrincipal WalletMember me, @PathVariable String slug, @PathVariable String id,
                   Model model, Locale locale) {
        return confirmation(me, slug, id, null, model, locale);
    }

    @PostMapping("/w/{slug}/rewards/{id}/exchange")
    String exchange(@AuthenticationPrincipal WalletMember me, @PathVariable String slug, @PathVariable String id,
                    @RequestParam(defaultValue = "") String key, Model model, Locale locale,
                    HttpServletResponse response) {
        var visit = pages.visit(me, slug, model, locale);
        var f = visit.formats();
        try {
            var done = idempotency.run(visit.tenant().id(), "wallet-exchange:" + visit.member().id(), key.strip(),
                    new Exchange(id), Exchanged.class, () -> new Exchanged(redemptions.redeem(WalletPages.caller(me),
                            visit.member(), id, null, f.now()).coupon().displayCode()));
            return "redirect:/w/" + slug + "/coupons/" + URLEncoder.encode(done.body().couponCode(),
                    StandardCharsets.UTF_8) + "?fresh";
        } catch (ApiProblem problem) {
            String error = error(problem);
            response.setStatus(422);
            return confirmation(me, slug, id, error, model, locale);
        }
    }

    @GetMapping("/w/{slug}/coupons/{code}")
    String coupon(@AuthenticationPrincipal WalletMember me, @PathVariable String slug, @PathVariable String code,
                  @RequestParam(required = false) String fresh, Model model, Locale locale) {
        var visit = pages.visit(me, slug, model, locale);
        var coupon = rewards.coupon(visit.tenant().id(), visit.member(), code)
                .orElseThrow(WalletNotFound::new);
        model.addAttribute("coupon", RewardViews.coupon(coupon, visit.formats()));
        model.addAttribute("fresh", fresh != null);
        return "wallet/coupon";
    }

    @GetMapping(value = "/w/{slug}/coupons/{code}/qr.svg", produces = "image/svg+xml")
    ResponseEntity<String> couponQr(@AuthenticationPrincipal WalletMember me, @PathVariable String slug,
                                    @PathVariable String code, Model model, Locale locale) {
        var visit = pages.visit(me, slug, model, locale);
        var coupon = rewards.coupon(visit.tenant().id(), visit.member(), code)
                .orElseThrow(WalletNotFound::new);
        return CardPage.svg(QrSvg.of(coupon.code()));
    }

    private String confirmation(WalletMember me, String slug, String id, String error, Model model, Locale locale) {
        var visit = pages.visit(me, slug, model, locale);
        var f = visit.formats();
        var reward = rewards.forSale(visit.tenant().id(), visit.member(), id, f)
                .orElseThrow(WalletNotFound::new);
        long available = rewards.available(visit.tenant().id(), visit.member(), f);
        model.addAttribute("reward", reward);
        model.addAttribute("after", f.points(Math.max(0, available - reward.costPoints())));
        model.addAttribute("key", UUID.randomUUID().toString());
        model.addAttribute("error", error != null ? error
                : reward.costPoints() > available ? "wallet.rewards.error.insufficient_points"
                : reward.outOfStock() ? "wallet.rewards.error.out_of_stock" : null);
        return "wallet/reward";
    }

    /** The facade's refusal as the member reads it; a reward that is not there is a 404 page. */
    private static String error(ApiProblem problem) {
        return switch (problem.code()) {
            case "insufficient_points" -> "wallet.rewards.error.insufficient_points";
            case "out_of_stock" -> "wallet.rewards.error.out_of_stock";
            case "reward_not_available" -> "limit_reached".equals(problem.properties().get("reason"))
                    ? "wallet.rewards.error.limit_reached" : "wallet.rewards.error.not_available";
            case "not_found", "member_erased" -> throw new WalletNotFound();
            default -> throw problem;
        };
    }
}
