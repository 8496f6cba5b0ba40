package io.kopilka.shared.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * A request that could not be served because no database connection could be had (the server is
 * down, restarting, or refusing connections): {@code 503 database_unavailable} with a
 * {@code Retry-After}, not a 500. Used by {@link ProblemDetailsAdvice} and, for the servlet filters
 * (the API key look-up), by {@link DatabaseUnavailableFilter}.
 */
public final class DatabaseUnavailable {
    /** Seconds: an embedded server is usually back within a few. */
    public static final String RETRY_AFTER_SECONDS = "5";
    /** PostgreSQL's admin_shutdown, crash_shutdown, cannot_connect_now (starting up, shutting down, recovering). */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03");

    private DatabaseUnavailable() {
    }

    /** Whether {@code error} (or one of its causes) says the database cannot be reached. */
    public static boolean causedBy(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException || t instanceof SQLTransientConnectionException
                    || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || UNAVAILABLE_STATES.contains(sql.getSQLState()))) {
                return true; // class 08: connection exception (refused, broken, failed)
            }
            // A failed rollback ("Connection is closed") hides what failed first.
            if (t instanceof TransactionSystemException tx && tx.getApplicationException() != null
                    && causedBy(tx.getApplicationException())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the connection broke at the commit itself: then the change may have been made or not,
     * and a "try again" would make a write without an idempotency key twice. A failed commit is a
     * {@link TransactionSystemException} with no application exception (a failed rollback after
     * one has it, and rolled back for sure).
     */
    public static boolean inDoubt(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransactionSystemException tx && tx.getApplicationException() == null
                    && causedBy(tx.getCause())) {
                return true;
            }
        }
        return false;
    }

    /** No {@code Retry-After}: whether to retry is the caller's to decide, with its key. */
    static ResponseEntity<ProblemDetail> inDoubtResponse() {
        return ResponseEntity.status(503).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(Problems.of(503,
                "outcome_unknown", "The database went away while this change was being committed: it may or may "
                        + "not have been made. Retry only with the same Idempotency-Key (or externalId), which "
                        + "returns the first answer if it was made"));
    }

    private static ProblemDetail problem() {
        return Problems.of(503, "database_unavailable",
                "The database cannot be reached right now; try again in a few seconds");
    }

    /**
     * The answer to a request that failed because the database went away: in doubt (the commit's
     * connection broke) or unavailable (never applied, try again). The advice and the filter both
     * answer with it.
     */
    static ResponseEntity<ProblemDetail> responseFor(Throwable error) {
        return inDoubt(error) ? inDoubtResponse() : response();
    }

    static ResponseEntity<ProblemDetail> response() {
        return ResponseEntity.status(503).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem());
    }

    /** The first line of the innermost cause: enough for a WARN line without a stack trace per request. */
    static String reason(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        int nl = message.indexOf('\n');
        return root.getClass().getSimpleName() + ": " + (nl < 0 ? message : message.substring(0, nl));
    }
}
