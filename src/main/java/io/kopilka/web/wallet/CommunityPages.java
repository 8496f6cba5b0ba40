package io.kopilka.web.wallet;

import io.kopilka.cause.Causes;
import io.kopilka.memberaccess.WalletMember;
import io.kopilka.shared.Ids;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.shared.idempotency.Idempotency;
import io.kopilka.wallet.Wallets;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The causes members give points to, and the friends they invite. */
@Controller
class CommunityPages {
    private final WalletPages pages;
    private final CommunityViews views;
    private final Causes causes;
    private final Wallets wallets;
    private final Idempotency idempotency;
    private final String publicUrl;

    CommunityPages(WalletPages pages, CommunityViews views, Causes causes, Wallets wallets, Idempotency idempotency,
                   @Value("${kopilka.public-url:http://localhost:8080}") String publicUrl) {
        this.pages = pages;
        this.views = views;
        this.causes = causes;
        this.wallets = wallets;
        this.idempotency = idempotency;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    public record Donate(String causeId, long points) {
    }

    public record Donated(long points) {
    }

    @GetMapping("/w/{slug}/causes")
    String causes(@AuthenticationPrincipal WalletMember me, @PathVariable String slug,
                  @RequestParam(required = false) String gave, @RequestParam(required = false) Long points,
                  Model model, Locale locale) {
        var visit = pages.visit(me, slug, model, locale);
        var f = visit.formats();
        fill(visit, model);
        if (gave != null && points != null && points > 0) {
            Ids.parse(gave).flatMap(id -> causes.byId(visit.tenant().id(), id)).ifPresent(c -> model.addAttribute(
                    "thanks", f.text("wallet.causes.thanks", Map.of("0", f.points(points),
                            "1", c.draft().names().in(f.language())))));
        }
        return "wallet/causes";
    }

    @PostMapping("/w/{slug}/causes/{id}/donate")
    String donate(@AuthenticationPrincipal WalletMember me, @PathVariable String slug, @PathVariable String id,
                  @RequestParam(defaultValue = "") String points, @RequestParam(defaultValue = "") String key,
                  Model model, Locale locale, HttpServletResponse response) {
        var visit = pages.visit(me, slug, model, locale);
        UUID causeId = Ids.parse(id).filter(c -> causes.byId(visit.tenant().id(), c).isPresent())
                .orElseThrow(WalletNotFound::new);
        long amount;
        try {
            amount = Long.parseLong(points.strip());
        } catch (NumberFormatException notANumber) {
            amount = 0;
        }
        String error = null;
        if (amount <= 0) {
            error = "wallet.causes.error.points";
        } else {
            long given = amount;
            try {
                idempotency.run(visit.tenant().id(), "wallet-donation:" + visit.member().id(), key.strip(),
                        new Donate(id, given), Donated.class, () -> {
                            causes.donate(WalletPages.caller(me), visit.member(), causeId, given,
                                    visit.formats().now());
                            return new Donated(given);
                        });
                return "redirect:/w/" + slug + "/causes?gave=" + causeId + "&points=" + given;
            } catch (ApiProblem problem) {
                error = switch (problem.code()) {
                    case "insufficient_points" -> "wallet.causes.error.insufficient_points";
                    case "cause_not_active" -> "wallet.causes.error.cause_not_active";
                    case "validation_failed" -> "wallet.causes.error.points";
                    case "not_found", "member_erased" -> throw new WalletNotFound();
                    default -> throw problem;
                };
            }
        }
        response.setStatus(422);
        fill(visit, model);
        model.addAttribute("errorCause", causeId.toString());
        model.addAttribute("entered", points);
        model.addAttribute("error", error);
        return "wallet/causes";
    }

    @GetMapping("/w/{slug}/friends")
    String friends(@AuthenticationPrincipal WalletMember me, @PathVariable String slug, Model model, Locale locale) {
        var visit = pages.visit(me, slug, model, locale);
        String link = publicUrl + "/w/" + slug + "/join?ref=" + visit.member().referralCode();
        model.addAttribute("view", views.friends(visit.tenant(), visit.member(), link, visit.formats()));
        return "wallet/friends";
    }

    private void fill(WalletPages.Visit visit, Model model) {
        var f = visit.formats();
        long available = wallets.balance(visit.tenant().id(), visit.member().id(), f.now()).available();
        model.addAttribute("causes", views.causes(visit.tenant().id(), f));
        model.addAttribute("available", available);
        model.addAttribute("availableShown", f.points(available));
        model.addAttribute("key", UUID.randomUUID().toString());
        model.addAttribute("errorCause", null);
    }
}
