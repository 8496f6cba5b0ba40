package io.kopilka.shared.web;

import io.kopilka.shared.error.ApiProblem;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Builds the RFC 9457 bodies; one place decides what a problem looks like. */
public final class Problems {
    private Problems() {
    }

    public static ProblemDetail of(int status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
        problem.setType(URI.create("https://kopilka.io/problems/" + code.replace('_', '-')));
        problem.setProperty("code", code);
        return problem;
    }

    public static ProblemDetail of(ApiProblem problem) {
        ProblemDetail body = of(problem.status(), problem.code(), problem.getMessage());
        if (!problem.errors().isEmpty()) {
            body.setProperty("errors", problem.errors());
        }
        problem.properties().forEach(body::setProperty);
        return body;
    }

    /** The problem+json answer to a refusal, as every JSON endpoint gives it. */
    public static ResponseEntity<ProblemDetail> response(ApiProblem problem) {
        ProblemDetail body = of(problem);
        return ResponseEntity.status(body.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    /**
     * A problem known only by its status (from Spring or the servlet container): its code from
     * {@link #codeFor}, and {@code detail}, or the status's own words when there is none.
     */
    public static ProblemDetail ofStatus(int status, String detail) {
        HttpStatus known = HttpStatus.resolve(status);
        String words = detail != null ? detail : known == null ? "" : known.getReasonPhrase();
        return of(known == null ? 500 : status, codeFor(status), words);
    }

    /** The code of a problem known only by its status (from Spring or the servlet container). */
    public static String codeFor(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 413 -> "payload_too_large";
            case 414 -> "uri_too_long";
            case 415 -> "unsupported_media_type";
            case 431 -> "headers_too_large";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal_error" : "http_" + status;
        };
    }

    public static ProblemDetail validation(List<ApiProblem.FieldError> errors) {
        ProblemDetail body = of(422, "validation_failed", "The request has invalid fields");
        body.setProperty("errors", errors);
        return body;
    }
}
