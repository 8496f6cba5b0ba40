package io.kopilka.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the watched tenants have in the database: for every table with a tenant_id column (found in
 * information_schema, so a new table is watched without a change here), the count of the tenant's
 * rows and the newest {@code xmin} among them (every insert or update writes a row version with a new
 * transaction id; a delete lowers the count); plus the tenant rows themselves and the number of
 * tenants. Two equal snapshots mean nothing was inserted, updated or deleted. Cheap: no row is read
 * beyond its header, however large its text.
 */
final class TenantRows {
    /**
     * Tables written after an earlier request committed, by the listeners of its events (a member who
     * joined gets a welcome a moment later): their rows land while later requests run, whatever those
     * answer, so counting them would blame the wrong request. What writes them is tested on its own.
     */
    private static final List<String> AFTER_COMMIT = List.of("notification");

    private final JdbcClient jdbc;
    private final Map<UUID, String> names;
    private final String sql;
    private final List<String> tables;

    TenantRows(JdbcClient jdbc, Map<UUID, String> names) {
        this.jdbc = jdbc;
        this.names = names;
        this.tables = jdbc.sql("""
                SELECT c.table_name FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                WHERE c.table_schema = current_schema() AND c.column_name = 'tenant_id' AND t.table_type = 'BASE TABLE'
                  AND c.table_name NOT IN (:afterCommit)
                ORDER BY 1""").param("afterCommit", AFTER_COMMIT).query(String.class).list();
        List<String> parts = new ArrayList<>();
        for (String table : tables) {
            parts.add(("SELECT '%1$s' AS tbl, x.tenant_id::text AS tenant, count(*) AS n, "
                    + "max(x.xmin::text::bigint)::text AS h FROM \"%1$s\" x "
                    + "WHERE x.tenant_id IN (:tenants) GROUP BY x.tenant_id").formatted(table));
        }
        parts.add("SELECT 'tenant', x.id::text, count(*), max(x.xmin::text::bigint)::text FROM tenant x "
                + "WHERE x.id IN (:tenants) GROUP BY x.id");
        parts.add("SELECT 'tenant (all tenants)', '*', count(*), '' FROM tenant");
        this.sql = String.join("\nUNION ALL\n", parts);
    }

    List<String> tables() {
        return tables;
    }

    Map<String, String> snapshot() {
        Map<String, String> rows = new LinkedHashMap<>();
        jdbc.sql(sql).param("tenants", List.copyOf(names.keySet())).query((rs, i) -> {
            String tenant = rs.getString(2);
            String who = tenant.equals("*") ? "" : " of " + names.getOrDefault(UUID.fromString(tenant), tenant);
            rows.put(rs.getString(1) + who, rs.getLong(3) + " rows/" + rs.getString(4));
            return null;
        }).list();
        return rows;
    }

    /** "member of tenant A: 3 → 4 rows; program of tenant A: changed". */
    static String diff(Map<String, String> before, Map<String, String> after) {
        List<String> out = new ArrayList<>();
        for (String key : new TreeSet<>(union(before, after))) {
            String b = before.getOrDefault(key, "0 rows/");
            String a = after.getOrDefault(key, "0 rows/");
            if (!a.equals(b)) {
                String bn = b.substring(0, b.indexOf(' '));
                String an = a.substring(0, a.indexOf(' '));
                out.add(key + (bn.equals(an) ? ": rows changed" : ": " + bn + " → " + an + " rows"));
            }
        }
        return String.join("; ", out);
    }

    private static java.util.Set<String> union(Map<String, String> a, Map<String, String> b) {
        java.util.Set<String> all = new java.util.HashSet<>(a.keySet());
        all.addAll(b.keySet());
        return all;
    }
}
