package io.kopilka.program.internal;

import io.kopilka.program.Program;
import io.kopilka.program.ProgramCheck;
import io.kopilka.program.ProgramValidation;
import io.kopilka.program.Programs;
import io.kopilka.shared.Now;
import io.kopilka.shared.TenantId;
import io.kopilka.shared.database.ChangeNotifications;
import io.kopilka.shared.database.TenantCache;
import io.kopilka.shared.error.ApiProblem;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Settings are stored as one JSON document per tenant ({@link StoredProgram}), with a version. */
@Service
class JdbcPrograms implements Programs {
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    private final TenantCache<Program> cache;
    // Looked up when used: the checks' modules build on this one, so their beans may need Programs.
    private final ObjectProvider<ProgramCheck> checks;

    JdbcPrograms(JdbcClient jdbc, JsonMapper json, Clock clock, ChangeNotifications changes,
                 ObjectProvider<ProgramCheck> checks) {
        this.jdbc = jdbc;
        this.checks = checks;
        this.json = json;
        this.clock = clock;
        this.cache = new TenantCache<>("program", changes);
    }

    /** Cached per tenant while change notifications flow; a change on any instance drops the entry. */
    @Override
    public Program of(TenantId tenant) {
        return cache.get(tenant, this::load);
    }

    private Program load(TenantId tenant) {
        record Row(String settings, long version) {
        }
        return jdbc.sql("SELECT settings::text AS settings, version FROM program WHERE tenant_id = :tenant")
                .param("tenant", tenant.value()).query(Row.class).optional()
                .map(r -> json.readValue(r.settings(), StoredProgram.class).toProgram(r.version()))
                .orElseGet(Program::defaults);
    }

    @Override
    @Transactional
    public Program replace(TenantId tenant, Program settings) {
        List<ProgramValidation.Problem> problems = new ArrayList<>(ProgramValidation.check(settings));
        if (problems.isEmpty()) {
            checks.orderedStream().forEach(check -> problems.addAll(check.check(tenant, settings)));
        }
        if (!problems.isEmpty()) {
            throw new ApiProblem(422, "validation_failed", "The program has invalid settings",
                    problems.stream().map(p -> new ApiProblem.FieldError(p.field(), p.message())).toList(), Map.of());
        }
        jdbc.sql("""
                INSERT INTO program (tenant_id, settings, version, updated_at)
                VALUES (:tenant, CAST(:settings AS jsonb), 1, :now)
                ON CONFLICT (tenant_id) DO UPDATE SET settings = EXCLUDED.settings,
                       version = program.version + 1, updated_at = EXCLUDED.updated_at
                RETURNING version""")
                .param("tenant", tenant.value()).param("settings", json.writeValueAsString(StoredProgram.of(settings)))
                .param("now", Timestamp.from(Now.of(clock)))
                .query(Long.class).single();
        cache.changed(tenant);
        return load(tenant);
    }
}
