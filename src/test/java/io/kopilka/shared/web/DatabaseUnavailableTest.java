package io.kopilka.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Found in review: a connection lost at the commit was answered "try again in 5 s", and a client
 * obeying it made a write without an Idempotency-Key twice. Only a request that never got a
 * connection, or was rolled back for sure, is told to retry.
 */
class DatabaseUnavailableTest {
    private static final SQLException BROKEN = new SQLException("An I/O error occurred", "08006");

    @Test
    void aCommitThatLostItsConnectionIsInDoubt() {
        TransactionSystemException commit = new TransactionSystemException("Could not commit JDBC transaction", BROKEN);
        assertThat(DatabaseUnavailable.causedBy(commit)).isTrue();
        assertThat(DatabaseUnavailable.inDoubt(commit)).isTrue();
        assertThat(DatabaseUnavailable.inDoubtResponse().getHeaders().containsHeader("Retry-After")).isFalse();
        assertThat(DatabaseUnavailable.inDoubtResponse().getBody().getProperties()).containsEntry("code", "outcome_unknown");
        // The advice and the filter answer with responseFor: the same for both.
        assertThat(DatabaseUnavailable.responseFor(commit).getBody().getProperties()).containsEntry("code", "outcome_unknown");
    }

    @Test
    void noConnectionAtAllOrARollbackIsSafeToRetry() {
        CannotGetJdbcConnectionException none = new CannotGetJdbcConnectionException("no connection", BROKEN);
        assertThat(DatabaseUnavailable.causedBy(none)).isTrue();
        assertThat(DatabaseUnavailable.inDoubt(none)).isFalse();
        TransactionSystemException rollback = new TransactionSystemException("Could not roll back", BROKEN);
        rollback.initApplicationException(new IllegalStateException("the statement failed first"));
        assertThat(DatabaseUnavailable.inDoubt(rollback)).isFalse();
        assertThat(DatabaseUnavailable.response().getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(DatabaseUnavailable.responseFor(none).getHeaders().getFirst("Retry-After")).isEqualTo("5");
    }
}
