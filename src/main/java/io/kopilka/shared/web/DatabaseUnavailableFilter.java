package io.kopilka.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The database can fail before a controller is reached, in a servlet filter (the API key look-up
 * of the security chain), where {@link ProblemDetailsAdvice} does not apply: such a failure also
 * answers {@code 503 database_unavailable} instead of a 500. Runs outside the security chain.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class DatabaseUnavailableFilter extends OncePerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);
    private final ProblemResponses problems;

    public DatabaseUnavailableFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (response.isCommitted() || !DatabaseUnavailable.causedBy(e)) {
                throw e;
            }
            log.warn("{} {}: database unavailable: {}", request.getMethod(), request.getRequestURI(),
                    DatabaseUnavailable.reason(e));
            response.resetBuffer();
            ResponseEntity<ProblemDetail> answer = DatabaseUnavailable.responseFor(e);
            answer.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
            problems.write(response, answer.getBody());
        }
    }
}
