package io.kopilka.shared.web;

import io.kopilka.shared.error.ApiProblem;
import java.sql.SQLException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error leaves as problem+json with a {@code code}. Spring's own exceptions (wrong method,
 * unreadable JSON, failed validation) get codes here too, so a caller never has to parse prose.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
        return Problems.response(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return respond(Problems.of(400, "invalid_parameter", "Parameter '" + e.getName() + "' has a wrong format"));
    }

    /**
     * No database connection (down, restarting, refusing): 503 with Retry-After, see
     * {@link DatabaseUnavailable}. Any other data access or transaction failure stays a 500.
     */
    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) {
        if (!DatabaseUnavailable.causedBy(e)) {
            return unexpected(e);
        }
        log.warn("Database unavailable{}: {}", DatabaseUnavailable.inDoubt(e) ? " at the commit, outcome unknown" : "",
                DatabaseUnavailable.reason(e));
        return DatabaseUnavailable.responseFor(e);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (sqlState(e, "22003")) {
            // A backstop: input bounds keep amounts far inside the columns, but a sum over time
            // (a lifetime spend) is the database's to refuse; the caller hears why, nothing is written.
            log.warn("A value out of the database's range was refused", e);
            return respond(Problems.of(422, "amount_out_of_range",
                    "An amount is larger than Kopilka can store; nothing was written"));
        }
        log.error("Unhandled error", e);
        return respond(Problems.of(500, "internal_error", "Something went wrong on our side"));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<ApiProblem.FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> new ApiProblem.FieldError(f.getField(), f.getDefaultMessage()))
                .toList();
        return asObject(respond(Problems.validation(errors)));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<ApiProblem.FieldError> errors = ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(e -> new ApiProblem.FieldError(
                        r.getMethodParameter().getParameterName(), e.getDefaultMessage())))
                .toList();
        return asObject(respond(Problems.validation(errors)));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (causedByOversizedBody(ex)) {
            return asObject(respond(Problems.of(413, "payload_too_large", "The request body is over 1 MiB")));
        }
        return asObject(respond(UnreadableBody.problem(ex)));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
            HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail p ? p
                : ProblemDetail.forStatusAndDetail(statusCode, ex.getMessage());
        ProblemDetail coded = Problems.ofStatus(statusCode.value(), callersWords(problem.getDetail()));
        return asObject(ResponseEntity.status(statusCode).headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(coded));
    }

    private static boolean causedByOversizedBody(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof BodySizeLimitFilter.BodyTooLargeException) {
                return true;
            }
        }
        return false;
    }

    /** Spring's detail, unless it names our classes or methods: then null, for the status's own words. */
    private static @Nullable String callersWords(@Nullable String detail) {
        if (detail == null || detail.contains("java.") || detail.contains("io.kopilka") || detail.contains("public ")
                || detail.contains("tools.jackson") || detail.contains("org.springframework")) {
            return null;
        }
        return detail;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> asObject(ResponseEntity<?> e) {
        return (ResponseEntity) e;
    }

    private static boolean sqlState(Throwable t, String state) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException sql && state.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
