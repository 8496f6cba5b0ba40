package io.kopilka.cause.internal;

import io.kopilka.cause.Cause;
import io.kopilka.cause.CauseDraft;
import io.kopilka.cause.UnitWords;
import io.kopilka.shared.Names;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A cause's row and its JSON columns: {@code names}, {@code unit} and {@code verb} as
 * {"ru": ..., "kk": ..., "en": ...}, {@code unit_forms} as {"ru": {"one": ..., "few": ...}}. Jackson's own
 * shared mapper: what is stored does not change with the API's settings.
 */
final class CauseRows {
    static final String COLUMNS = "id, name, names::text AS names, description, unit::text AS unit, "
            + "unit_forms::text AS unit_forms, verb::text AS verb, points_per_unit, goal_units, active, total_points, "
            + "donors, created_at, updated_at";
    private static final JsonMapper JSON = JsonMapper.shared();
    private static final TypeReference<Map<String, String>> WORDS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Map<String, String>>> FORMS = new TypeReference<>() {
    };
    static final RowMapper<Cause> CAUSE = CauseRows::cause;

    private CauseRows() {
    }

    private static Cause cause(ResultSet rs, int row) throws SQLException {
        String verb = rs.getString("verb");
        long goal = rs.getLong("goal_units");
        Long goalUnits = rs.wasNull() ? null : goal;
        CauseDraft draft = new CauseDraft(new Names(rs.getString("name"), words(rs.getString("names"))),
                rs.getString("description"),
                new UnitWords(words(rs.getString("unit")), forms(rs.getString("unit_forms"))),
                verb == null ? null : words(verb), rs.getLong("points_per_unit"), goalUnits, rs.getBoolean("active"));
        return new Cause(rs.getObject("id", UUID.class), draft, rs.getLong("total_points"), rs.getLong("donors"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    static Map<String, String> words(String json) {
        return JSON.readValue(json, WORDS);
    }

    static Map<String, Map<String, String>> forms(String json) {
        return JSON.readValue(json, FORMS);
    }

    static String json(Object value) {
        return value == null ? null : JSON.writeValueAsString(value);
    }
}
