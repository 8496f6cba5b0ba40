package io.kopilka.notification.web;

import io.kopilka.notification.Unsubscribes;
import io.kopilka.shared.Text;
import io.kopilka.shared.Texts;
import io.kopilka.tenant.Language;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The page an e-mail's unsubscribe link opens: GET only asks (mail scanners and link previews open links
 * and must not unsubscribe anyone), POST withdraws, from the page's button or a mail client's one-click
 * request (RFC 8058, a form body {@code List-Unsubscribe=One-Click}, which is not read: the token says it all).
 */
@Controller
@Hidden
class UnsubscribeController {
    private final Unsubscribes unsubscribes;

    UnsubscribeController(Unsubscribes unsubscribes) {
        this.unsubscribes = unsubscribes;
    }

    @GetMapping("/u/{token}")
    ModelAndView ask(@PathVariable String token) {
        return page(unsubscribes.find(token), "unsubscribe.ask", true);
    }

    @PostMapping("/u/{token}")
    ModelAndView confirm(@PathVariable String token, HttpServletRequest request) {
        return page(unsubscribes.confirm(token, request.getRemoteAddr(), request.getHeader("User-Agent")),
                "unsubscribe.done", false);
    }

    private static ModelAndView page(Optional<Unsubscribes.Link> link, String sentence, boolean button) {
        Texts texts = Texts.messages();
        if (link.isEmpty()) {
            ModelAndView unknown = new ModelAndView("notification/unsubscribe", Map.of(
                    "lang", "ru", "title", texts.render(new Text("unsubscribe.title", Map.of()), "ru"),
                    "sentence", texts.render(new Text("unsubscribe.unknown", Map.of()), "ru"), "button", false));
            unknown.setStatus(HttpStatus.NOT_FOUND);
            return unknown;
        }
        Language language = link.get().language();
        Map<String, Object> args = Map.of("business", link.get().business());
        return new ModelAndView("notification/unsubscribe", Map.of(
                "lang", language.tag(), "title", texts.render(new Text("unsubscribe.title", Map.of()), language.tag()),
                "sentence", texts.render(new Text(sentence, args), language.tag()), "button", button,
                "buttonText", texts.render(new Text("unsubscribe.button", Map.of()), language.tag())));
    }
}
