package io.kopilka.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Migrations that have been released are frozen: an existing database has run them, and Flyway
 * refuses to start on a database whose applied migration no longer matches its file. New ones go
 * into their module's folder with a timestamp version ({@code db/migration/reward/V2026_12_02_0930__rewards.sql}),
 * so two modules (or two branches) never pick the same number; see docs/architecture.md, "Migrations".
 */
class MigrationsTest {
    /** SHA-256 of each migration as released (stop 7, commit 10684b6). Never change a line here. */
    private static final Map<String, String> RELEASED = Map.of(
            "V1__tenants_keys_members.sql", "d283508f8e7b0a5bd706dc8c219f2d469ef135e54c128127a2cd652f2b4fd0ca",
            "V2__program_ledger_purchases.sql", "adc8b0f87e74f6c3df08f75def8e342cf8ec887a9de7c759489ac83bfcd2a3eb",
            "V3__rule_versions_budgets_caps.sql", "f7834b0af4d50eb426c1c36a93549af8df5443de8cd8e98dfefdaa6dcbfbfbb4",
            "V4__tiers.sql", "f885d5e45f9f7b0f023661c3e5eaa1badc895ef4545a6174b6d97e6e3c123113");
    private static final Pattern NEW = Pattern.compile(
            "db/migration/([a-z]+)/V(\\d{4}_\\d{2}_\\d{2}_\\d{4})__[a-z0-9_]+\\.sql");

    private static Map<String, Resource> migrations() throws IOException {
        Map<String, Resource> byPath = new TreeMap<>();
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/**/*.sql")) {
            String url = r.getURL().toString();
            byPath.put(url.substring(url.indexOf("db/migration/")), r);
        }
        return byPath;
    }

    private static String sha256(Resource r) throws IOException, NoSuchAlgorithmException {
        try (InputStream in = r.getInputStream()) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        }
    }

    @Test
    void releasedMigrationsAreUnchanged() throws Exception {
        Map<String, Resource> all = migrations();
        for (Map.Entry<String, String> released : RELEASED.entrySet()) {
            Resource file = all.get("db/migration/" + released.getKey());
            assertThat(file).as("released migration %s is gone", released.getKey()).isNotNull();
            assertThat(sha256(file)).as("%s was released and may not change: write a new migration instead",
                    released.getKey()).isEqualTo(released.getValue());
        }
    }

    @Test
    void newMigrationsLiveInTheirModuleWithATimestampVersion() throws Exception {
        Map<String, String> versions = new HashMap<>();
        for (String path : migrations().keySet()) {
            if (RELEASED.containsKey(path.substring("db/migration/".length()))) {
                continue;
            }
            Matcher m = NEW.matcher(path);
            assertThat(m.matches()).as("%s: a new migration is db/migration/<module>/V<yyyy_MM_dd_HHmm>__<what>.sql",
                    path).isTrue();
            String module = m.group(1);
            assertThat(getClass().getClassLoader().getResource("io/kopilka/" + module))
                    .as("%s: no module io.kopilka.%s", path, module).isNotNull();
            String earlier = versions.put(m.group(2), path);
            assertThat(earlier).as("%s and %s have the same version", earlier, path).isNull();
        }
    }
}
