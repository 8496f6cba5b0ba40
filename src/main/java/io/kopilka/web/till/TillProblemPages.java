package io.kopilka.web.till;

import io.kopilka.shared.error.ApiProblem;
import io.kopilka.web.common.StaffProblemPage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A refusal no till form catches (another business's member, a purchase that is not this member's) as a
 * till page with its status and the way to the next customer, instead of the API's problem+json.
 */
@ControllerAdvice(basePackages = "io.kopilka.web.till")
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class TillProblemPages {
    private final StaffProblemPage pages;

    TillProblemPages(StaffProblemPage pages) {
        this.pages = pages;
    }

    @ExceptionHandler(ApiProblem.class)
    String problem(ApiProblem problem, Locale locale, Model model, HttpServletRequest request,
                   HttpServletResponse response) {
        return pages.render("till/problem", problem, locale, model, request, response);
    }
}
