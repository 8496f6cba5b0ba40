package io.kopilka.web.admin.members;

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
 * A refusal on the members' pages (another business's member, a cursor that is no cursor) in their own
 * words, with the way back to the list; before the console's general advice.
 */
@ControllerAdvice(basePackageClasses = ConsoleProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleProblems {
    private final StaffProblemPage pages;

    ConsoleProblems(StaffProblemPage pages) {
        this.pages = pages;
    }

    @ExceptionHandler(ApiProblem.class)
    String problem(ApiProblem problem, Locale locale, Model model, HttpServletRequest request,
                   HttpServletResponse response) {
        return pages.render("admin/members/problem", problem, locale, model, request, response);
    }
}
