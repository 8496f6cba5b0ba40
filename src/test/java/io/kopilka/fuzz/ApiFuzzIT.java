package io.kopilka.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.fuzz.OpenApiDoc.Operation;
import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import io.kopilka.testing.RawHttp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Sends every operation of the served OpenAPI document a corpus of bad input built from its schema
 * (each body property missing, null, of the wrong type, odd text, absurd numbers; broken JSON,
 * duplicate keys, wrong media types, bad ids, bad paging, missing and wrong keys, raw HTTP that a
 * client library refuses to send) and checks every answer: no 5xx; an error is problem+json with a
 * snake_case code and no Java in its messages; an error writes nothing (both tenants' rows in every
 * table with a tenant_id, before and after); a wrong type, a missing key or another tenant's id is
 * never answered 2xx. All violations are collected and reported once, de-duplicated.
 *
 * <p>The corpus is a deterministic enumeration (every operation × every mutation: FixedCorpus,
 * RawHttpCases), then {@code -Dkopilka.fuzz.tries=N} (300 by default) random combinations of several
 * mutations in one request (RandomCombinations), drawn with a fixed seed ({@code -Dkopilka.fuzz.seed=S})
 * and stopped once the test has run {@code -Dkopilka.fuzz.seconds} (100). A plain {@link Random}
 * rather than a jqwik {@code @Property}: jqwik runs outside JUnit Jupiter's extensions, so a property
 * cannot share the application context of {@link IntegrationTest} (LedgerPropertiesIT boots an
 * application of its own for that). No case depends on an earlier one: operations that consume or
 * delete their object get a fresh one (RequestBuilder), and what a 2xx replaced or created is put
 * back or deleted (CaseRunner). The report is also written to {@code target/fuzz/report.txt}.
 */
class ApiFuzzIT extends IntegrationTest {
    private static final int TRIES = Integer.getInteger("kopilka.fuzz.tries", 300);
    private static final long SEED = Long.getLong("kopilka.fuzz.seed", 20261201L);
    /** The random combinations stop early once the whole test has run this long (the fixed corpus always runs). */
    private static final long SECONDS = Long.getLong("kopilka.fuzz.seconds", 100);
    /** Development aids: only the operations whose "METHOD /path" matches; every request and answer to target/fuzz/trace.txt. */
    private static final Pattern ONLY = Pattern.compile(System.getProperty("kopilka.fuzz.only", ".*"));
    private static final boolean TRACE = Boolean.getBoolean("kopilka.fuzz.trace");

    @Test
    void everyOperationRefusesBadInputCleanlyAndWritesNothing() throws IOException {
        long started = System.nanoTime();
        RawHttp raw = new RawHttp(port);
        Api.Response served = api.get(null, "/v3/api-docs");
        assertThat(served.status()).as(served.toString()).isEqualTo(200);
        OpenApiDoc doc = new OpenApiDoc(served.json());
        ValidBodies bodies = new ValidBodies(doc);
        List<Operation> ops = doc.operations().stream().filter(o -> ONLY.matcher(o.id()).find()).toList();
        assertThat(ops).isNotEmpty();

        List<String> notes = new ArrayList<>();
        FixtureSetup setUp = new FixtureSetup(api, bodies, notes);
        Fixture a = setUp.build("A", newTenant());
        Fixture b = setUp.build("B", newTenant());
        Map<UUID, String> names = new LinkedHashMap<>();
        names.put(UUID.fromString(a.tenant().id()), "tenant A");
        names.put(UUID.fromString(b.tenant().id()), "tenant B");
        TenantRows rows = new TenantRows(jdbc, names);
        RowsBaseline baseline = new RowsBaseline(rows);

        Findings findings = new Findings();
        RequestBuilder requests = new RequestBuilder(api, doc, bodies, a, baseline, notes);
        OperationKeys keys = new OperationKeys(a.tenant().adminKey());
        CaseRunner runner = new CaseRunner(api, raw, doc, requests, keys, baseline, findings, a.tenant().adminKey(),
                started, TRACE);
        for (Operation op : ops) {
            keys.learn(op, requests, runner, notes);
        }
        FixedCorpus fixed = new FixedCorpus(doc, requests, keys, runner, a, b);
        for (Operation op : ops) {
            fixed.send(op);
        }
        RawHttpCases rawCases = new RawHttpCases(requests, keys, runner);
        for (Operation op : ops) {
            rawCases.send(op);
        }
        new RandomCombinations(doc, requests, keys, runner, a.posKey(), notes, started).send(ops, TRIES, SEED, SECONDS);

        if (findings.tooMany() > 0) {
            notes.add(findings.tooMany() + " answers were 429 (a rate limit): what came after them was tested less");
        }
        String head = "ApiFuzzIT: " + ops.size() + " operations, " + rows.tables().size()
                + " tenant tables watched, " + findings.answers() + " requests in "
                + (System.nanoTime() - started) / 1_000_000_000 + " s (tries=" + TRIES + ", seed=" + SEED + ")\n"
                + (notes.isEmpty() ? "" : "Notes:\n  " + String.join("\n  ", notes) + "\n");
        Files.createDirectories(Path.of("target/fuzz"));
        Files.writeString(Path.of("target/fuzz/report.txt"),
                head + (findings.isEmpty() ? "No violations.\n" : findings.report(Integer.MAX_VALUE)));
        if (TRACE) {
            Files.write(Path.of("target/fuzz/trace.txt"), runner.trace());
        }
        // On the console and in the failure only the first 12 of each kind: the file has them all.
        String report = head + (findings.isEmpty() ? "No violations.\n" : findings.report(12));
        System.out.println(report);
        if (!findings.isEmpty()) {
            throw new AssertionError(report);
        }
    }
}
