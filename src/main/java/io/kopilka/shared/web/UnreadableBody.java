package io.kopilka.shared.web;

import io.kopilka.shared.error.ApiProblem;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Says what was wrong with a body Jackson could not read, in the caller's words: which field and
 * what it should have been ({@code "items[0].quantity": "must be a number"}). Jackson's own messages
 * name Java types and Spring's name the controller method, which tells a till's developer nothing
 * and an attacker too much.
 */
final class UnreadableBody {
    private UnreadableBody() {
    }

    static ProblemDetail problem(HttpMessageNotReadableException ex) {
        JacksonException jackson = find(ex, JacksonException.class);
        if (jackson == null) {
            String detail = ex.getCause() == null ? "The request needs a JSON body" : "The body is not valid JSON";
            return Problems.of(400, "malformed_request", detail);
        }
        if (jackson instanceof DatabindException && !jackson.getPath().isEmpty()) {
            // 400 as for any body that is not what the schema says (docs/api.md keeps 422 for values
            // that are well-typed but wrong); the field is named all the same.
            Class<?> expected = jackson instanceof MismatchedInputException m ? m.getTargetType() : null;
            String field = path(jackson.getPath());
            String message = expectation(expected);
            ProblemDetail problem = Problems.of(400, "malformed_request", "Field '" + field + "' " + message);
            problem.setProperty("errors", List.of(new ApiProblem.FieldError(field, message)));
            return problem;
        }
        if (jackson instanceof StreamReadException) {
            return Problems.of(400, "malformed_request", "The body is not valid JSON: " + firstLine(jackson.getOriginalMessage()));
        }
        if (jackson instanceof MismatchedInputException m && m.getTargetType() != null) {
            return Problems.of(400, "malformed_request", "The body " + expectation(m.getTargetType()));
        }
        return Problems.of(400, "malformed_request", "The body is not valid JSON");
    }

    private static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference r : references) {
            if (r.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String expectation(Class<?> type) {
        if (type == null || type == Object.class) {
            return "has a value of the wrong type";
        }
        if (type == String.class || type == Character.class) {
            return "must be text (a JSON string)";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == BigInteger.class) {
            return "must be a whole number";
        }
        if (type == BigDecimal.class || type == Double.class || type == double.class || type == Float.class
                || type == float.class) {
            return "must be a number (a JSON number, or a string such as \"1250.00\")";
        }
        if (type == OffsetDateTime.class || type == Instant.class || type == ZonedDateTime.class) {
            return "must be a time in ISO-8601 with an offset, e.g. \"2026-11-22T14:05:00+05:00\"";
        }
        if (type == LocalDate.class) {
            return "must be a date as YYYY-MM-DD";
        }
        if (type == LocalTime.class) {
            return "must be a time of day as HH:MM";
        }
        if (type.isEnum()) {
            return "must be one of the documented values";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be a list (a JSON array)";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord() || !type.isPrimitive()) {
            return "must be an object (a JSON object)";
        }
        return "has a value of the wrong type";
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        // Jackson appends where it was reading ("[Source: REDACTED (`StreamReadFeature...`)"): its
        // words, not the caller's.
        String line = (nl < 0 ? s : s.substring(0, nl)).replaceFirst("\\s*\\(?(start marker )?at \\[Source.*$", "");
        return line.length() > 300 ? line.substring(0, 300) : line;
    }
}
