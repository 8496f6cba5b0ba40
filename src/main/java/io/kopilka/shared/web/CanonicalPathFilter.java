package io.kopilka.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a path that spells a letter, digit or {@code -._~} as a %-escape ({@code /api/v1/%6Dembers}).
 * Spring MVC decodes such a path and serves it as {@code /api/v1/members}, while a check on the raw
 * path would not recognise it: that is how a till's key once paged through every member. RFC 3986
 * says these characters are never to be escaped, so no honest client sends them; refusing them
 * makes the raw path and the one the controllers see the same for every ASCII name.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CanonicalPathFilter extends OncePerRequestFilter {
    private static final Pattern ESCAPED_UNRESERVED =
            Pattern.compile("%(?:[46][1-9A-Fa-f]|[57][0-9Aa]|3[0-9]|2[DdEe]|5[Ff]|7[Ee])");
    private final ProblemResponses problems;

    public CanonicalPathFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (ESCAPED_UNRESERVED.matcher(request.getRequestURI()).find()) {
            problems.write(response, Problems.of(400, "non_canonical_path",
                    "The path escapes a letter, digit or one of -._~ with %; write it as it is"));
            return;
        }
        chain.doFilter(request, response);
    }
}
