package io.kopilka.purchase;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * How many statements one purchase sends to PostgreSQL, counted from the driver's own trace (every
 * statement it executes is logged as an {@code Execute}), on the request's thread only. The
 * purchase path is limited by the database's work per purchase: a change that adds a statement to
 * it fails here and has to say why.
 */
class StatementsPerPurchaseIT extends IntegrationTest {
    /**
     * A member's purchase that redeems and earns, no ladder, no limits, alone in its batch: the member,
     * then in the writer's transaction the lock, the account's read, the check for its externalId, the
     * points, the tier activity, the purchase with its answer, and the COMMIT (BEGIN travels with the
     * first of them and is not counted). In a batch of many purchases all but the tier activity are
     * one statement for all of them.
     */
    private static final int STATEMENTS = 8;
    private static final Pattern PARSE = Pattern.compile("FE=> Parse\\(stmt=([^,]+),query=\"(.*)\",oids=",
            Pattern.DOTALL);
    private static final Pattern BIND = Pattern.compile("FE=> Bind\\(stmt=([^,]+),");
    /** Statements the driver prepared on the server, by name: their later Binds carry the name only. */
    private static final Map<String, String> NAMED = new ConcurrentHashMap<>();

    @Test
    void aPurchaseThatRedeemsAndEarnsSendsEightStatements() {
        TestTenant tenant = newTenant();
        String key = tenant.adminKey();
        assertThat(api.post(key, "/api/v1/stores", Map.of("code", "main")).status()).isEqualTo(201);
        assertThat(api.post(key, "/api/v1/rules", Map.of("name", "5%", "kind", "points_percent", "percent", "5"))
                .status()).isEqualTo(201);
        String member = newMember(tenant);
        api.post(key, "/api/v1/members/" + member + "/adjustments", Map.of("points", 500, "reason", "seed"));
        // One purchase first, so that every cache the path uses (tenant, program, store, rules) is warm.
        assertThat(purchase(key, member, "warm").status()).isEqualTo(201);

        // The fewest of three: a cache that happens to expire during one (the API key's lasts 30 s)
        // costs a statement that is no part of the path.
        List<String> statements = null;
        for (int i = 0; i < 3; i++) {
            String externalId = "counted-" + i;
            List<String> run = traced(() -> assertThat(purchase(key, member, externalId).status()).isEqualTo(201));
            statements = statements == null || run.size() < statements.size() ? run : statements;
        }

        System.out.println("StatementsPerPurchaseIT: " + statements.size() + " statements per purchase");
        statements.forEach(s -> System.out.println("  " + s));
        assertThat(statements).hasSizeLessThanOrEqualTo(STATEMENTS);
    }

    private Api.Response purchase(String key, String member, String externalId) {
        return api.post(key, "/api/v1/purchases", Map.of("externalId", externalId, "storeCode", "main",
                "member", Map.of("id", member), "redeemPoints", 100,
                "items", List.of(Map.of("sku", "A", "quantity", 1, "unitPrice", "5000.00"))));
    }

    /**
     * What the driver executes while {@code r} runs, on the request's threads (not the test's, not
     * the notification listener's). BEGIN, a simple query sent along with the first statement, is
     * left out.
     */
    private static List<String> traced(Runnable r) {
        Logger driver = Logger.getLogger("org.postgresql.core.v3.QueryExecutorImpl");
        Level before = driver.getLevel();
        Thread test = Thread.currentThread();
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        Map<Thread, String> current = new ConcurrentHashMap<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String message = record.getMessage();
                Thread thread = Thread.currentThread();
                if (message == null || thread == test || thread.getName().contains("notification")) {
                    return;
                }
                // Parse carries the SQL (and a name once the driver prepares it on the server);
                // Bind names the statement it runs; Execute runs it. BEGIN and COMMIT are simple queries.
                Matcher parse = PARSE.matcher(message);
                Matcher bind = BIND.matcher(message);
                if (parse.find()) {
                    String sql = parse.group(2).strip().replaceAll("\\s+", " ");
                    current.put(thread, sql);
                    NAMED.put(parse.group(1), sql);
                } else if (bind.find() && !bind.group(1).equals("null")) {
                    // Prepared before the trace began: its parameters say which statement it is.
                    String bound = message.strip();
                    current.put(thread, NAMED.getOrDefault(bind.group(1),
                            bound.substring(0, Math.min(bound.length(), 160))));
                } else if (message.contains("FE=> Execute(")) {
                    seen.add(thread.getName() + ": " + current.getOrDefault(thread, "?"));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        driver.setLevel(Level.FINEST);
        driver.addHandler(handler);
        try {
            r.run();
        } finally {
            driver.removeHandler(handler);
            driver.setLevel(before);
        }
        return List.copyOf(seen);
    }
}
