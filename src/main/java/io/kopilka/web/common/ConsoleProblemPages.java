package io.kopilka.web.common;

import io.kopilka.shared.error.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A refusal on a console page as a console page, ahead of the API's problem+json advice. An area may say it
 * in its own words with an advice of its own, ordered before this one.
 */
@ControllerAdvice(basePackages = "io.kopilka.web.admin")
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ConsoleProblemPages {
    private final StaffProblemPage pages;

    ConsoleProblemPages(StaffProblemPage pages) {
        this.pages = pages;
    }

    @ExceptionHandler(ApiProblem.class)
    String problem(ApiProblem problem, Locale locale, Model model, HttpServletRequest request,
                   HttpServletResponse response) {
        return pages.render("admin/problem", problem, locale, model, request, response);
    }
}
