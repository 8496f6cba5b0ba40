package io.kopilka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Two rules about the SQL in {@code JdbcClient.sql(...)} calls that no compiler checks. Every
 * statement names {@code tenant_id}, so no query can forget which tenant it serves (the few that
 * are about tenants themselves, the platform key, or no table are listed). And each table is read
 * and written only by the module that owns it: others go through its facade, so a table can change
 * with its module alone. A new table must be given an owner here, or this test fails.
 */
class SqlBoundariesTest {
    private static final Path SOURCES = Path.of("src/main/java/io/kopilka");
    /** Module (top-level package) → the tables it owns. */
    private static final Map<String, Set<String>> OWNERS = Map.ofEntries(
            Map.entry("tenant", Set.of("tenant", "platform_key", "store", "api_key", "staff", "staff_token")),
            Map.entry("shared", Set.of("idempotency_key", "scheduled_tasks", "event_publication")),
            Map.entry("member", Set.of("member", "member_card", "consent_change", "member_staff_note")),
            Map.entry("program", Set.of("program")),
            Map.entry("rules", Set.of("rule", "rule_set", "rule_revision", "rule_budget", "rule_member_points")),
            Map.entry("ledger", Set.of("points_account", "points_lot", "ledger_entry", "transfer")),
            Map.entry("purchase", Set.of("purchase", "purchase_item", "purchase_return")),
            Map.entry("tier", Set.of("tier_ladder", "tier_level", "tier_activity", "member_tier", "tier_change")),
            Map.entry("audit", Set.of("audit_entry")),
            Map.entry("gift", Set.of("gift_key_day")),
            Map.entry("cause", Set.of("cause", "cause_contribution")),
            Map.entry("engagement", Set.of("challenge", "challenge_entry", "challenge_completion")),
            Map.entry("reward", Set.of("reward", "coupon")),
            Map.entry("wallet", Set.of("member_goal")),
            Map.entry("badge", Set.of("member_badge")),
            Map.entry("referral", Set.of("referral")),
            Map.entry("occasion", Set.of("occasion_day", "occasion_gift")),
            Map.entry("notification", Set.of("notification", "notification_settings", "notification_template",
                    "expiry_reminder", "telegram_link", "telegram_chat", "telegram_bot", "notification_day")),
            Map.entry("webhook", Set.of("webhook_subscription", "webhook_delivery")),
            Map.entry("faq", Set.of("faq_list", "faq_item")),
            Map.entry("memberaccess", Set.of("wallet_code", "wallet_session")),
            Map.entry("confirmation", Set.of("redemption_secret", "redemption_code")));
    /** Tables with no tenant: a tenant's own row (keyed by its id) and the platform key. */
    private static final Set<String> ABOVE_TENANTS = Set.of("tenant", "platform_key");
    private static final Pattern TABLE = Pattern.compile("\\b(?:FROM|JOIN|INTO|UPDATE)\\s+([a-z_]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern STATEMENT = Pattern.compile("^\\s*\"*\\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Pattern CREATE_TABLE = Pattern.compile("CREATE TABLE\\s+(?:IF NOT EXISTS\\s+)?([a-z_]+)",
            Pattern.CASE_INSENSITIVE);

    record Statement(String module, Path file, String sql, Set<String> tables) {
        @Override
        public String toString() {
            String oneLine = sql.strip().replaceAll("\\s+", " ");
            return file.getFileName() + ": " + oneLine.substring(0, Math.min(100, oneLine.length()));
        }
    }

    /** The tables the migrations create: a word after FROM that is none of them is a CTE or a keyword. */
    private static Set<String> tables() throws IOException {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Matcher m = CREATE_TABLE.matcher(Files.readString(file));
                while (m.find()) {
                    tables.add(m.group(1).toLowerCase());
                }
            }
        }
        return tables;
    }

    private static List<Statement> statements() throws IOException {
        Set<String> known = tables();
        List<Statement> all = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String module = SOURCES.relativize(file).getName(0).toString();
                String source = Files.readString(file);
                // From ".sql(" to the end of its argument: a text block's """) or a literal's ").
                for (int at = source.indexOf(".sql("); at >= 0; at = source.indexOf(".sql(", at + 5)) {
                    int block = source.indexOf("\"\"\")", at);
                    int literal = source.indexOf("\")", at);
                    int end = block < 0 ? literal : literal < 0 ? block : Math.min(block, literal);
                    String sql = source.substring(at + 5, end < 0 ? source.length() : end);
                    if (!STATEMENT.matcher(sql).find()) {
                        continue;
                    }
                    Set<String> tables = new TreeSet<>();
                    Matcher m = TABLE.matcher(sql);
                    while (m.find()) {
                        if (known.contains(m.group(1).toLowerCase())) {
                            tables.add(m.group(1).toLowerCase());
                        }
                    }
                    all.add(new Statement(module, file, sql, tables));
                }
            }
        }
        return all;
    }

    @Test
    void theScanSeesTheStatements() throws IOException {
        // A guard for the guard: if a refactoring moved SQL out of .sql(...), the rules below would
        // pass on nothing.
        assertThat(statements()).hasSizeGreaterThan(50);
    }

    @Test
    void everyStatementNamesItsTenant() throws IOException {
        List<Statement> missing = statements().stream()
                .filter(s -> !s.sql().contains("tenant_id"))
                .filter(s -> !s.tables().isEmpty() && !ABOVE_TENANTS.containsAll(s.tables()))
                .toList();
        assertThat(missing).as("statements that do not say which tenant they serve").isEmpty();
    }

    @Test
    void everyTableHasAnOwner() throws IOException {
        Set<String> owned = new TreeSet<>();
        OWNERS.values().forEach(owned::addAll);
        assertThat(owned).as("tables of the migrations without an owner in OWNERS").containsAll(tables());
    }

    @Test
    void eachTableIsTouchedOnlyByItsOwner() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Statement s : statements()) {
            for (String table : s.tables()) {
                String owner = OWNERS.entrySet().stream().filter(e -> e.getValue().contains(table))
                        .map(Map.Entry::getKey).findFirst().orElse(null);
                if (owner != null && !owner.equals(s.module())) {
                    problems.add(table + " belongs to " + owner + " but " + s.module() + " uses it (" + s + ")");
                }
            }
        }
        assertThat(problems).isEmpty();
    }
}
