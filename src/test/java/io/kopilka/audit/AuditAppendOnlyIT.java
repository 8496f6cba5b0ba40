package io.kopilka.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kopilka.testing.IntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;

/** The database itself keeps the audit log append-only: no statement may change or remove an entry. */
class AuditAppendOnlyIT extends IntegrationTest {

    @Test
    void updateDeleteAndTruncateAreRefused() {
        TestTenant t = newTenant();
        assertThat(api.post(t.adminKey(), "/api/v1/stores", Map.of("code", "main")).status()).isEqualTo(201);
        UUID tenant = UUID.fromString(t.id());
        long entries = count(tenant);
        assertThat(entries).isEqualTo(2); // the first key, issued with the tenant, and the store

        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_entry SET reason = 'tampered' WHERE tenant_id = :t")
                .param("t", tenant).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("audit_entry is append-only: UPDATE");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_entry WHERE tenant_id = :t").param("t", tenant).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("audit_entry is append-only: DELETE");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_entry").update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("audit_entry is append-only: TRUNCATE");

        assertThat(count(tenant)).isEqualTo(entries);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE tenant_id = :t AND reason = 'tampered'")
                .param("t", tenant).query(Long.class).single()).isZero();
    }

    private long count(UUID tenant) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE tenant_id = :t").param("t", tenant)
                .query(Long.class).single();
    }
}
