package io.kopilka.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API speaks only JSON, and says so before a controller runs. A request whose {@code Accept}
 * excludes JSON is refused here: Spring MVC would find out only when writing the answer, after the
 * write had committed, and a retried transfer would then move points twice. A body that is not JSON
 * is refused here too: for a form body Spring would first parse it into parameters (and fail on a
 * stray {@code %} with a 500) before finding out that no reader takes it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class JsonOnlyFilter extends OncePerRequestFilter {
    private static final List<MediaType> ANSWERS = List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
    /** The reports answer CSV too, for spreadsheets; they are reads, so a refused Accept there writes nothing anyway. */
    private static final String CSV_PATHS = "/api/v1/analytics/";
    private static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");
    private final ProblemResponses problems;

    public JsonOnlyFilter(ProblemResponses problems) {
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
        if (accept != null && !accept.isBlank() && !acceptsJson(accept)
                && !(request.getRequestURI().startsWith(CSV_PATHS) && acceptsCsv(accept))) {
            problems.write(response, Problems.of(406, "not_acceptable",
                    "This API answers application/json only; the Accept header must allow it"));
            return;
        }
        if (hasBody(request) && !isJson(request.getContentType())) {
            problems.write(response, Problems.of(415, "unsupported_media_type",
                    "This API reads application/json only; send the body with Content-Type: application/json"));
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return MediaType.APPLICATION_JSON.includes(type) || "json".equals(type.getSubtypeSuffix());
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static boolean acceptsCsv(String accept) {
        try {
            return MediaType.parseMediaTypes(accept).stream()
                    .filter(m -> m.getQualityValue() > 0)
                    .filter(m -> m.getCharset() == null || StandardCharsets.UTF_8.equals(m.getCharset()))
                    .anyMatch(m -> m.includes(TEXT_CSV));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean acceptsJson(String accept) {
        try {
            // A charset other than UTF-8 cannot be written either: Spring's JSON writer would refuse
            // it only after the write, as for XML.
            return MediaType.parseMediaTypes(accept).stream()
                    .filter(m -> m.getQualityValue() > 0)
                    .filter(m -> m.getCharset() == null || StandardCharsets.UTF_8.equals(m.getCharset()))
                    .anyMatch(m -> ANSWERS.stream().anyMatch(m::includes));
        } catch (IllegalArgumentException e) {
            return false; // an unreadable header, or a charset Java does not know (so no UTF-8)
        }
    }
}
