package io.kopilka.shared.error;

import java.util.List;
import java.util.Map;

/**
 * A refusal the caller can act on. Thrown from anywhere; turned into RFC 9457 problem+json with a
 * machine-readable {@code code} by the web layer. Throwing it rolls back the transaction, so a
 * refused request writes nothing.
 */
public class ApiProblem extends RuntimeException {
    private final int status;
    private final String code;
    private final List<FieldError> errors;
    private final Map<String, Object> properties;

    public ApiProblem(int status, String code, String detail) {
        this(status, code, detail, List.of(), Map.of());
    }

    public ApiProblem(int status, String code, String detail, List<FieldError> errors, Map<String, Object> properties) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.errors = List.copyOf(errors);
        this.properties = Map.copyOf(properties);
    }

    public static ApiProblem notFound(String what) {
        return new ApiProblem(404, "not_found", what + " not found");
    }

    public static ApiProblem conflict(String code, String detail) {
        return new ApiProblem(409, code, detail);
    }

    public static ApiProblem unprocessable(String code, String detail) {
        return new ApiProblem(422, code, detail);
    }

    public static ApiProblem invalid(String field, String message) {
        return new ApiProblem(422, "validation_failed", "The request has invalid fields",
                List.of(new FieldError(field, message)), Map.of());
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    public record FieldError(String field, String message) {
    }
}
