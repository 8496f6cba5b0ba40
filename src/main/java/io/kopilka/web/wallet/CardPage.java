package io.kopilka.web.wallet;

import io.kopilka.ledger.Entry;
import io.kopilka.ledger.Ledger;
import io.kopilka.memberaccess.WalletMember;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.shared.web.Page;
import io.kopilka.shared.web.TimeCursor;
import java.time.Duration;
import java.util.Locale;
import io.kopilka.confirmation.RedemptionConfirmations;
import io.kopilka.program.Programs;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.Now;
import io.kopilka.shared.TenantId;
import java.time.Clock;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The wallet's first page, the member's card, its QR code and the full history. */
@Controller
class CardPage {
    static final int HISTORY_PAGE = 20;

    private final WalletPages pages;
    private final CardViews cards;
    private final Ledger ledger;
    private final Programs programs;
    private final RedemptionConfirmations confirmations;
    private final Clock clock;

    CardPage(WalletPages pages, CardViews cards, Ledger ledger, Programs programs,
             RedemptionConfirmations confirmations, Clock clock) {
        this.pages = pages;
        this.cards = cards;
        this.ledger = ledger;
        this.programs = programs;
        this.confirmations = confirmations;
        this.clock = clock;
    }

    @GetMapping("/w/{slug}")
    String card(@AuthenticationPrincipal WalletMember me, @PathVariable String slug, Model model, Locale locale) {
        var visit = pages.visit(me, slug, model, locale);
        model.addAttribute("card", cards.of(visit.tenant(), visit.member(), visit.formats()));
        confirmationCode(visit.tenant().id(), visit.member().id(), slug, model);
        return "wallet/card";
    }

    /**
     * The code that confirms a large redemption at the till, fetched again every 30 s by the card page.
     * Shown only where the business asks for it (a threshold in its program): elsewhere it would only puzzle.
     */
    @GetMapping("/w/{slug}/code")
    String code(@AuthenticationPrincipal WalletMember me, @PathVariable String slug, Model model, Locale locale) {
        var visit = pages.visit(me, slug, model, locale);
        confirmationCode(visit.tenant().id(), visit.member().id(), slug, model);
        return "wallet/card :: confirmation-code";
    }

    private void confirmationCode(TenantId tenant, MemberId member, String slug, Model model) {
        if (programs.of(tenant).redemptionConfirmationAbove() > 0) {
            model.addAttribute("confirmationCode", confirmations.currentCode(tenant, member, Now.of(clock)));
            model.addAttribute("confirmationCodeUrl", "/w/" + slug + "/code");
        }
    }

    /**
     * The card number as a QR code. Private: it is this member's; a few minutes' cache spares a slow
     * phone the request on every visit, and a reissued card shows its new code within them.
     */
    @GetMapping(value = "/w/{slug}/card.svg", produces = "image/svg+xml")
    ResponseEntity<String> qr(@AuthenticationPrincipal WalletMember me, @PathVariable String slug, Model model,
                              Locale locale) {
        var member = pages.visit(me, slug, model, locale).member();
        if (member.cardNumber() == null) {
            throw new WalletNotFound();
        }
        return svg(QrSvg.of(member.cardNumber()));
    }

    @GetMapping("/w/{slug}/history")
    String history(@AuthenticationPrincipal WalletMember me, @PathVariable String slug,
                   @RequestParam(required = false) String before, Model model, Locale locale) {
        var visit = pages.visit(me, slug, model, locale);
        TimeCursor after;
        try {
            after = TimeCursor.parse(before);
        } catch (ApiProblem notACursor) {
            after = null;
        }
        TimeCursor from = after;
        Page<CardView.HistoryLine> page = Page.of(HISTORY_PAGE, n -> ledger.history(visit.tenant().id(),
                        visit.member().id(), from == null ? null : from.at(), from == null ? null : from.id(), n),
                (Entry e) -> CardViews.line(e, visit.formats()), e -> new TimeCursor(e.createdAt(), e.id()).text());
        model.addAttribute("lines", page.items());
        model.addAttribute("next", page.nextCursor());
        return "wallet/history";
    }

    static ResponseEntity<String> svg(String svg) {
        return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml"))
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePrivate()).body(svg);
    }
}
