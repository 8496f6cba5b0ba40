package io.kopilka.web.till.offline;

import io.kopilka.purchase.PurchaseOrder;
import io.kopilka.purchase.Purchases;
import io.kopilka.tenant.StaffMember;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * A stand-in for the till's page under /till (so the service worker's scope covers it), for the tests
 * of the till's scripts: the contract's find box and check form, a commit that records through the
 * purchase facade, and a count of the times the page was served, which shows whether a reload came
 * from the network or from the worker's copy. Imported by a test; never part of the application.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(TillSandbox.Page.class)
public class TillSandbox {
    public static final String PATH = "/till/offline/sandbox";
    public static final AtomicInteger SERVED = new AtomicInteger();

    @Controller
    static class Page {
        private final Purchases purchases;

        Page(Purchases purchases) {
            this.purchases = purchases;
        }

        @GetMapping(PATH)
        String page(@AuthenticationPrincipal StaffMember me, @RequestParam(required = false) String card,
                    @RequestParam(required = false) String q, Model model) {
            SERVED.incrementAndGet();
            model.addAttribute("card", card);
            model.addAttribute("q", q);
            model.addAttribute("store", me.homeStore());
            model.addAttribute("externalId", "till-" + UUID.randomUUID());
            return "till-sandbox/page";
        }

        @PostMapping(PATH + "/commit")
        @ResponseBody
        String commit(@AuthenticationPrincipal StaffMember me, @RequestParam String card,
                      @RequestParam String amount, @RequestParam String externalId) {
            var receipt = purchases.commit(me.caller(), new PurchaseOrder(externalId, me.homeStore(), null, null,
                    new PurchaseOrder.MemberReference(null, null, card),
                    List.of(new PurchaseOrder.Item("CHECK", null, null, BigDecimal.ONE, new BigDecimal(amount))),
                    null, null), null).body();
            return "<p id=\"recorded\">" + receipt.pointsEarned() + "</p>";
        }
    }
}
