package io.kopilka.tenant.internal;

import io.kopilka.shared.TenantId;
import io.kopilka.tenant.Language;
import io.kopilka.tenant.StaffMember;
import io.kopilka.tenant.StaffRole;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads of table {@code staff}; the writes are {@link JdbcStaffAccounts}'. */
@Component
class StaffRows {
    static final String COLUMNS = """
            tenant_id, id, email, name, role, stores, language, password_hash IS NOT NULL AS password_set,
            session_epoch, created_at, last_sign_in_at, locked_until, deactivated_at""";

    private final JdbcClient jdbc;

    StaffRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Row(StaffMember staff, int epoch) {
    }

    Optional<Row> byId(TenantId tenant, UUID id, boolean lock) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM staff WHERE tenant_id = :tenant AND id = :id"
                        + (lock ? " FOR UPDATE" : ""))
                .param("tenant", tenant.value()).param("id", id).query(StaffRows::row).optional();
    }

    List<StaffMember> all(TenantId tenant) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM staff WHERE tenant_id = :tenant "
                        + "ORDER BY deactivated_at IS NOT NULL, lower(name), id")
                .param("tenant", tenant.value()).query(StaffRows::row).list().stream().map(Row::staff).toList();
    }

    boolean emailTaken(String email) {
        // E-mails are unique across tenants: the sign-in form asks for nothing else. tenant_id is only read.
        return jdbc.sql("SELECT tenant_id FROM staff WHERE email = :email").param("email", email)
                .query((rs, i) -> 1).optional().isPresent();
    }

    static Row row(ResultSet rs, int i) throws SQLException {
        Array stores = rs.getArray("stores");
        StaffMember staff = new StaffMember(new TenantId(rs.getObject("tenant_id", UUID.class)),
                rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("name"),
                StaffRole.fromCode(rs.getString("role")).orElseThrow(),
                stores == null ? List.of() : Arrays.asList((String[]) stores.getArray()),
                Language.fromTag(rs.getString("language")).orElse(null), rs.getBoolean("password_set"),
                instant(rs, "created_at"), instant(rs, "last_sign_in_at"), instant(rs, "locked_until"),
                instant(rs, "deactivated_at"));
        return new Row(staff, rs.getInt("session_epoch"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
