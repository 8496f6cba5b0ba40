package io.kopilka.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API answers only JSON, so a request whose {@code Accept} excludes it is refused here, before
 * a controller runs. Spring MVC would find out only when writing the answer, after the write had
 * committed: a retried transfer would then move points twice.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class JsonOnlyAcceptFilter extends OncePerRequestFilter {
    private static final List<MediaType> ANSWERS = List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
    private final ProblemResponses problems;

    public JsonOnlyAcceptFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String accept = request.getHeader("Accept");
        if (accept != null && !accept.isBlank() && !acceptsJson(accept)) {
            problems.write(response, Problems.of(406, "not_acceptable",
                    "This API answers application/json only; the Accept header must allow it"));
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean acceptsJson(String accept) {
        try {
            return MediaType.parseMediaTypes(accept).stream()
                    .filter(m -> m.getQualityValue() > 0)
                    .anyMatch(m -> ANSWERS.stream().anyMatch(m::includes));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
