package io.kopilka.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.fuzz.OpenApiDoc.Operation;
import io.kopilka.fuzz.OpenApiDoc.Param;
import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import io.kopilka.testing.RawHttp;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends every operation of the served OpenAPI document a corpus of bad input built from its schema
 * (each body property missing, null, of the wrong type, odd text, absurd numbers; broken JSON,
 * duplicate keys, wrong media types, bad ids, bad paging, missing and wrong keys, raw HTTP that a
 * client library refuses to send) and checks every answer: no 5xx; an error is problem+json with a
 * snake_case code and no Java in its messages; an error writes nothing (both tenants' rows in every
 * table with a tenant_id, before and after); a wrong type, a missing key or another tenant's id is
 * never answered 2xx. All violations are collected and reported once, de-duplicated.
 *
 * <p>The corpus is a deterministic enumeration (every operation × every mutation), then
 * {@code -Dkopilka.fuzz.tries=N} (300 by default) random combinations of several mutations in one
 * request, drawn with a fixed seed ({@code -Dkopilka.fuzz.seed=S}) and stopped once the test has run
 * {@code -Dkopilka.fuzz.seconds} (100). A plain {@link Random} rather than a jqwik {@code @Property}:
 * jqwik runs outside JUnit Jupiter's extensions, so a property cannot share the application context
 * of {@link IntegrationTest} (LedgerPropertiesIT boots an application of its own for that). No case
 * depends on an earlier one: operations that consume or delete their object get a fresh one, and
 * what a 2xx replaced or created is put back or deleted. The report is also written to
 * {@code target/fuzz/report.txt}.
 */
class ApiFuzzIT extends IntegrationTest {
    private static final int TRIES = Integer.getInteger("kopilka.fuzz.tries", 300);
    private static final long SEED = Long.getLong("kopilka.fuzz.seed", 20261201L);
    /** The random combinations stop early once the whole test has run this long (the fixed corpus always runs). */
    private static final long SECONDS = Long.getLong("kopilka.fuzz.seconds", 100);
    /** Development aids: only the operations whose "METHOD /path" matches; every request and answer to target/fuzz/trace.txt. */
    private static final Pattern ONLY = Pattern.compile(System.getProperty("kopilka.fuzz.only", ".*"));
    private static final boolean TRACE = Boolean.getBoolean("kopilka.fuzz.trace");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String JSON_TYPE = "application/json";

    /** Operations only an admin key may call, from the contract (API.md); a pos key's 2xx there is a violation. */
    private static final List<Pattern> ADMIN_ONLY = List.of(
            "\\w+ /api/v1/api-keys.*", "\\w+ /api/v1/program.*", "\\w+ /api/v1/rules.*", "\\w+ /api/v1/tiers.*",
            "POST /api/v1/stores", "PUT /api/v1/members/[^/]+/tier", "DELETE /api/v1/members/[^/]+",
            "POST /api/v1/members/[^/]+/adjustments", "(POST|PUT|DELETE) /api/v1/(rewards|challenges|causes).*",
            "\\w+ /api/v1/(webhooks|analytics|audit|staff|notifications|engagement|jobs).*",
            "POST /api/v1/coupons/[^/]+/cancel").stream().map(Pattern::compile).toList();

    private OpenApiDoc doc;
    private Fixture a;
    private Fixture b;
    private TenantRows rows;
    private Map<String, String> last;
    private final Findings findings = new Findings();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, String> keyOf = new LinkedHashMap<>();
    private RawHttp raw;
    private long started;
    /** Set by every request that is not judged (set-up, fresh objects, restores): the next case takes a new snapshot. */
    private boolean dirty = true;
    private final List<String> trace = new ArrayList<>();
    private ValidBodies bodies;

    @Test
    void everyOperationRefusesBadInputCleanlyAndWritesNothing() throws IOException {
        started = System.nanoTime();
        raw = new RawHttp(port);
        Api.Response served = api.get(null, "/v3/api-docs");
        assertThat(served.status()).as(served.toString()).isEqualTo(200);
        doc = new OpenApiDoc(served.json());
        bodies = new ValidBodies(doc);
        List<Operation> ops = doc.operations().stream().filter(o -> ONLY.matcher(o.id()).find()).toList();
        assertThat(ops).isNotEmpty();

        a = setUp("A");
        b = setUp("B");
        Map<UUID, String> names = new LinkedHashMap<>();
        names.put(UUID.fromString(a.tenant().id()), "tenant A");
        names.put(UUID.fromString(b.tenant().id()), "tenant B");
        rows = new TenantRows(jdbc, names);
        last = rows.snapshot();

        for (Operation op : ops) {
            keyOf.put(op.id(), keyFor(op));
        }
        for (Operation op : ops) {
            fuzz(op);
        }
        for (Operation op : ops) {
            rawHttp(op);
        }
        randomCombinations(ops);

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
            Files.write(Path.of("target/fuzz/trace.txt"), trace);
        }
        String report = head + (findings.isEmpty() ? "No violations.\n" : findings.report(12));
        System.out.println(report);
        if (!findings.isEmpty()) {
            throw new AssertionError(report);
        }
    }

    // ---------------------------------------------------------------- set-up

    private Fixture setUp(String name) {
        TestTenant t = newTenant();
        String key = t.adminKey();
        Map<String, String> pool = new LinkedHashMap<>();
        pool.put("/api/v1/tenants", t.id());
        must(api.post(key, "/api/v1/stores", Map.of("code", "main", "name", "Main street")), "store");
        pool.put("/api/v1/stores", "main");
        String pos = must(api.post(key, "/api/v1/api-keys", Map.of("name", "till 1", "role", "pos",
                "storeCode", "main")), "pos key").text("key");
        pool.put("/api/v1/api-keys", must(api.post(key, "/api/v1/api-keys", Map.of("name", "spare", "role", "pos")),
                "spare key").text("id"));
        soft(api.put(key, "/api/v1/program", bodies.program()), name + ": PUT /api/v1/program");
        soft(api.put(key, "/api/v1/tiers", bodies.tiers()), name + ": PUT /api/v1/tiers");
        Api.Response rule = soft(api.post(key, "/api/v1/rules", bodies.rule("main")), name + ": POST /api/v1/rules");
        if (rule.status() < 300) {
            pool.put("/api/v1/rules", rule.text("id"));
        }
        Api.Response m1 = must(api.post(key, "/api/v1/members", ValidBodies.json("phone", bodies.phone(), "name", "Aigerim",
                "email", "aigerim-" + UUID.randomUUID() + "@example.kz", "birthDate", "1990-04-02")), "member");
        pool.put("/api/v1/members", m1.text("id"));
        String m2 = must(api.post(key, "/api/v1/members", Map.of("phone", bodies.phone())), "member 2").text("id");
        soft(api.post(key, "/api/v1/members/" + m1.text("id") + "/adjustments",
                Map.of("points", 1_000_000, "reason", "fuzz float")), name + ": adjustment");
        Fixture f = new Fixture(name, t, pos, m1.text("referralCode"), m2, pool);
        pool.put("/api/v1/purchases", must(api.post(key, "/api/v1/purchases", bodies.purchase(f)), "purchase").text("id"));
        return f;
    }

    /** After the known set-up, any other collection with a path id gets one object made from its POST. */
    private String poolId(Fixture f, String collection) {
        String id = f.pool().get(collection);
        if (id != null) {
            return id;
        }
        id = create(f, collection);
        f.pool().put(collection, id == null ? "no-real-id" : id);
        if (id == null) {
            notes.add("no real id for " + collection + " in tenant " + f.name() + ": its operations get a made-up one");
        }
        return f.pool().get(collection);
    }

    private String create(Fixture f, String collection) {
        Operation post = doc.operations().stream()
                .filter(o -> o.method().equals("POST") && o.path().equals(collection)).findFirst().orElse(null);
        if (post == null) {
            return null;
        }
        dirty = true;
        Api.Response r = api.send("POST", f.tenant().adminKey(), collection, bodies.base(post, f).toString(), Map.of());
        if (r.status() >= 300) {
            return null;
        }
        return r.json().has("id") ? r.text("id") : r.json().has("code") ? r.text("code") : null;
    }

    private static Api.Response must(Api.Response r, String what) {
        if (r.status() >= 300) {
            throw new IllegalStateException("fuzz set-up failed, " + what + ": " + r);
        }
        return r;
    }

    private Api.Response soft(Api.Response r, String what) {
        if (r.status() >= 300) {
            notes.add("set-up step refused (" + what + "): " + r.status() + " " + Findings.clip(r.body()));
        }
        return r;
    }

    // ---------------------------------------------------------------- sending and judging

    private record Req(String method, String path, Map<String, String> headers, byte[] body) {
    }

    private static boolean adminOnly(Operation op) {
        String line = op.method() + " " + op.path().replaceAll("\\{[^}]+}", "x");
        return ADMIN_ONLY.stream().anyMatch(p -> p.matcher(line).matches());
    }

    private boolean isTenantCreation(Operation op) {
        return PLATFORM_KEY.equals(keyOf.get(op.id()));
    }

    /** The key an operation is meant for: the admin key, or the platform key where only it is let in. */
    private String keyFor(Operation op) {
        Req r = valid(op, a, a.tenant().adminKey());
        Api.Response admin = send(r);
        String key = a.tenant().adminKey();
        if (admin != null && (admin.status() == 401 || admin.status() == 403)) {
            Api.Response platform = send(valid(op, a, PLATFORM_KEY));
            if (platform != null && platform.status() < 300) {
                key = PLATFORM_KEY;
            }
        }
        Req validReq = valid(op, a, key);
        Api.Response check = send(validReq);
        if (check != null && check.status() >= 300) {
            notes.add("the valid-looking request for " + op.id() + " was refused (" + check.status() + " "
                    + Findings.clip(check.body()) + "): its body mutations test less");
        }
        if (check != null && check.status() < 300) {
            restore(op, validReq, check);
        }
        return key;
    }

    private Api.Response send(Req r) {
        dirty = true;
        try {
            return exchange(r);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Sends, judges the answer and the rows written, keeps the new snapshot; then puts back what a 2xx changed. */
    private void run(Operation op, String mutation, String mustRefuse, Req r) {
        run(op, mutation, mustRefuse, r, false);
    }

    private void run(Operation op, String mutation, String mustRefuse, Req r, boolean lingers) {
        Api.Response answer = judged(op, mutation, mustRefuse, r);
        if (answer != null && answer.status() < 300) {
            if (lingers && !op.method().equals("GET")) {
                followUps(op, mutation, r, answer);
            }
            restore(op, r, answer);
        }
    }

    private Api.Response judged(Operation op, String mutation, String mustRefuse, Req r) {
        Map<String, String> before = last;
        Api.Response answer;
        try {
            answer = exchange(r);
        } catch (RuntimeException first) {
            try {
                answer = exchange(r); // once more: a connection the server closed early is no finding
            } catch (RuntimeException e) {
                findings.transportFailure(op.id(), mutation, e);
                dirty = true;
                return null;
            }
        }
        Map<String, String> after = rows.snapshot();
        findings.judge(op.id(), mutation, mustRefuse, answer.status(), answer.contentType(), answer.body(),
                answer.status() >= 400 ? TenantRows.diff(before, after) : "");
        last = after;
        trace(op, mutation, answer.status(), answer.body());
        progress(op);
        return answer;
    }

    private Api.Response exchange(Req r) {
        return api.exchange(r.method(), r.path(), r.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(r.body()), r.headers());
    }

    /**
     * An odd value was accepted and stored: read it back (GET of the same path, GET of the new object)
     * and price a purchase (the operations whose summary says they write nothing: quote, simulate),
     * so that a value that breaks its readers is found where it got in.
     */
    private void followUps(Operation op, String mutation, Req r, Api.Response answer) {
        String path = r.path().replaceFirst("\\?.*", "");
        List<Req> probes = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (Operation other : doc.operations()) {
            if (other.method().equals("GET") && matches(other.path(), path)) {
                probes.add(request(other, a, key(other), null, Map.of(), Map.of("=", path)));
                labels.add("GET " + other.path());
            } else if (other.method().equals("GET") && answer.json().path("id").isString()
                    && matches(other.path(), path + "/" + answer.text("id"))) {
                probes.add(request(other, a, key(other), null, Map.of(), Map.of("=", path + "/" + answer.text("id"))));
                labels.add("GET " + other.path());
            } else if (other.summary().toLowerCase().contains("writes nothing") && !other.id().equals(op.id())) {
                probes.add(valid(other, a, key(other)));
                labels.add(other.id());
            }
        }
        for (int i = 0; i < probes.size(); i++) {
            judged(op, mutation + ", then the valid " + labels.get(i), null, probes.get(i));
        }
    }

    /** Does the concrete path fit the template ("/api/v1/rules/{id}" and "/api/v1/rules/0193...")? */
    private static boolean matches(String template, String path) {
        return path.matches(Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q"));
    }

    /**
     * No case depends on another: a replaced object (PUT) gets its valid body back, and an object
     * a 2xx created is deleted where the document has a DELETE for it (an accepted odd rule would
     * otherwise price every later purchase).
     */
    private void restore(Operation op, Req r, Api.Response answer) {
        String path = r.path().replaceFirst("\\?.*", "");
        if (op.method().equals("PUT")) {
            api.send("PUT", a.tenant().adminKey(), path, bodies.base(op, a).toString(), Map.of());
            dirty = true;
        } else if (op.method().equals("POST") && answer.json().path("id").isString()) {
            String created = path + "/" + answer.text("id");
            boolean deletable = doc.operations().stream()
                    .anyMatch(o -> o.method().equals("DELETE") && matches(o.path(), created));
            if (deletable && !isTenantCreation(op)) {
                api.delete(a.tenant().adminKey(), created);
                dirty = true;
            }
        }
    }

    private void trace(Operation op, String mutation, int status, String body) {
        if (TRACE) {
            trace.add(op.id() + " | " + mutation + " | " + status + " | " + Findings.clip(body));
        }
    }

    private void progress(Operation op) {
        if (findings.answers() % 1000 == 0) {
            System.out.printf("ApiFuzzIT: %d requests, %d s, at %s%n", findings.answers(),
                    (System.nanoTime() - started) / 1_000_000_000, op.id());
        }
    }

    private void runRaw(Operation op, String mutation, String mustRefuse, String requestLine, Map<String, String> headers,
                        byte[] body) {
        Map<String, String> before = last;
        try {
            RawHttp.Answer answer = raw.send(requestLine, headers, body);
            Map<String, String> after = rows.snapshot();
            findings.judge(op.id(), mutation, mustRefuse, answer.status(), answer.contentType(), answer.body(),
                    answer.status() >= 400 ? TenantRows.diff(before, after) : "");
            last = after;
            trace(op, mutation, answer.status(), answer.body());
            progress(op);
        } catch (IOException | RuntimeException e) {
            findings.transportFailure(op.id(), mutation, e);
            dirty = true;
        }
    }

    /** The path with real ids of this fixture; a fresh object for operations that consume or delete theirs. */
    private String path(Operation op, Fixture f, Map<String, String> override) {
        if (override.containsKey("=")) {
            return override.get("=");
        }
        String path = op.path();
        for (Param p : op.in("path")) {
            String value = override.get(p.name());
            if (value == null) {
                String collection = op.path().substring(0, op.path().indexOf("{" + p.name() + "}") - 1);
                boolean consumes = op.method().equals("DELETE") || op.method().equals("POST");
                String fresh = consumes && f == a ? create(f, collection) : null;
                value = fresh != null ? fresh : poolId(f, collection);
            }
            path = path.replace("{" + p.name() + "}", value);
        }
        if (override.containsKey("?")) {
            path += "?" + override.get("?");
        }
        return path;
    }

    private Req request(Operation op, Fixture f, String key, String body, Map<String, String> headers,
                        Map<String, String> override) {
        String path = path(op, f, override);
        if (dirty) {
            last = rows.snapshot();
            dirty = false;
        }
        Map<String, String> h = new LinkedHashMap<>();
        if (key != null) {
            h.put("Authorization", "Bearer " + key);
        }
        if (body != null) {
            h.put("Content-Type", JSON_TYPE);
        }
        h.put("Accept", JSON_TYPE + ", application/problem+json");
        headers.forEach((k, v) -> {
            if (v == null) {
                h.remove(k);
            } else {
                h.put(k, v);
            }
        });
        return new Req(op.method(), path, h, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    private Req valid(Operation op, Fixture f, String key) {
        return request(op, f, key, op.hasBody() ? bodies.base(op, f).toString() : null, Map.of(), Map.of());
    }

    private String key(Operation op) {
        return keyOf.getOrDefault(op.id(), a.tenant().adminKey());
    }

    // ---------------------------------------------------------------- the corpus

    private void fuzz(Operation op) {
        String key = key(op);
        authentication(op, key);
        pathIds(op, key);
        queries(op, key);
        for (String accept : List.of("application/xml", "text/html", "image/png")) {
            Req r = valid(op, a, key);
            run(op, "valid request, Accept: " + accept, null, withHeader(r, "Accept", accept));
        }
        if (op.hasBody()) {
            mediaTypes(op, key);
            brokenBodies(op, key);
            properties(op, key);
            idempotencyKeys(op, key);
        } else {
            run(op, "unexpected JSON body", null, request(op, a, key, "{\"zz\":1}", Map.of(), Map.of()));
            run(op, "unexpected non-JSON body", null, request(op, a, key, "not json", Map.of(), Map.of()));
        }
    }

    private static Req withHeader(Req r, String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(r.headers());
        if (value == null) {
            h.remove(name);
        } else {
            h.put(name, value);
        }
        return new Req(r.method(), r.path(), h, r.body());
    }

    private void authentication(Operation op, String key) {
        boolean platformOp = isTenantCreation(op);
        String refusedKey = op.open() ? null : "answered 2xx without a valid key";
        run(op, "no Authorization header", refusedKey, withHeader(valid(op, a, key), "Authorization", null));
        run(op, "wrong key", refusedKey, withHeader(valid(op, a, key), "Authorization", "Bearer wrong-" + UUID.randomUUID()));
        run(op, "empty Bearer", refusedKey, withHeader(valid(op, a, key), "Authorization", "Bearer "));
        run(op, "Basic credentials", refusedKey, withHeader(valid(op, a, key), "Authorization", "Basic YWRtaW46YWRtaW4="));
        run(op, "key of 300 chars", refusedKey, withHeader(valid(op, a, key), "Authorization", "Bearer " + "k".repeat(300)));
        run(op, "revoked-looking key: admin key + 1 char", refusedKey,
                withHeader(valid(op, a, key), "Authorization", "Bearer " + key + "x"));
        if (platformOp) {
            run(op, "a tenant's admin key on tenant creation", "a tenant key may create tenants",
                    valid(op, a, a.tenant().adminKey()));
            run(op, "a pos key on tenant creation", "a tenant key may create tenants", valid(op, a, a.posKey()));
            return;
        }
        run(op, "the platform key on a tenant operation", "the platform key was let into a tenant operation",
                valid(op, a, PLATFORM_KEY));
        run(op, "a pos key", adminOnly(op) ? "a pos key was let into an admin-only operation" : null,
                valid(op, a, a.posKey()));
        if (!op.in("path").isEmpty()) {
            run(op, "tenant B's admin key on tenant A's ids", "another tenant's object answered 2xx",
                    valid(op, a, b.tenant().adminKey()));
        }
    }

    private void pathIds(Operation op, String key) {
        for (Param p : op.in("path")) {
            Map<String, String> bad = new LinkedHashMap<>();
            bad.put("another tenant's real id", poolId(b, op.path().substring(0, op.path().indexOf("{" + p.name() + "}") - 1)));
            bad.put("a random UUID", UUID.randomUUID().toString());
            bad.put("not a UUID", "not-a-uuid");
            bad.put("a number", "123");
            bad.put("1000 chars", "a".repeat(1000));
            bad.put("a space", "%20");
            bad.put("percent-encoded unicode", "%D0%B9%F0%9F%99%82");
            bad.put("a percent-encoded lone surrogate (bad UTF-8)", "%ED%A0%80");
            bad.put("a quote", "%27");
            bad.forEach((label, value) -> {
                Req r = request(op, a, key, op.hasBody() ? bodies.base(op, a).toString() : null, Map.of(), Map.of(p.name(), value));
                run(op, "path " + p.name() + " = " + label, "an unknown id answered 2xx", r);
            });
        }
    }

    private void queries(Operation op, String key) {
        List<String[]> cases = new ArrayList<>();
        for (Param p : op.in("query")) {
            String type = doc.type(p.schema());
            List<String> values = type.equals("integer") || type.equals("number")
                    ? List.of("-1", "0", "abc", "100000", "1.5", "99999999999999999999", "", "%00", "1E%2B999999999")
                    : List.of("garbage", "", "%00", "%ED%A0%80", "%FF", "%27", "a".repeat(4000), "eyJ4IjoxfQ%3D%3D",
                    "%E2%80%AE%F0%9F%99%82");
            for (String v : values) {
                cases.add(new String[] {p.name() + "=" + (v.length() > 40 ? v.length() + " chars" : v), p.name() + "=" + v});
            }
        }
        if (op.method().equals("GET")) {
            // Paging values also on operations that do not declare them: they must be ignored or refused cleanly.
            for (String q : List.of("limit=-1", "limit=abc", "limit=100000", "cursor=garbage", "limit=1&limit=2",
                    "zz-unknown=1")) {
                cases.add(new String[] {q, q});
            }
        }
        for (String[] c : cases) {
            Req r = request(op, a, key, op.hasBody() ? bodies.base(op, a).toString() : null, Map.of(), Map.of("?", c[1]));
            run(op, "query " + c[0], null, r);
        }
    }

    private void mediaTypes(Operation op, String key) {
        String refused = "a body that is not declared JSON was accepted";
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x")) {
            run(op, "Content-Type: " + type, refused, withHeader(valid(op, a, key), "Content-Type", type));
        }
        run(op, "no Content-Type", refused, withHeader(valid(op, a, key), "Content-Type", null));
        run(op, "Content-Type: application/json; charset=ISO-8859-1", null,
                withHeader(valid(op, a, key), "Content-Type", "application/json; charset=ISO-8859-1"));
    }

    private void brokenBodies(Operation op, String key) {
        String refused = "a body that is not a JSON object was accepted";
        Map<String, byte[]> broken = new LinkedHashMap<>();
        broken.put("not JSON", "not json".getBytes(StandardCharsets.UTF_8));
        broken.put("empty body", new byte[0]);
        broken.put("truncated JSON", "{\"a\": ".getBytes(StandardCharsets.UTF_8));
        broken.put("JSON array", "[]".getBytes(StandardCharsets.UTF_8));
        broken.put("JSON null", "null".getBytes(StandardCharsets.UTF_8));
        broken.put("JSON number", "123".getBytes(StandardCharsets.UTF_8));
        broken.put("JSON string", "\"x\"".getBytes(StandardCharsets.UTF_8));
        String valid = bodies.base(op, a).toString();
        broken.put("two JSON documents", (valid + "{}").getBytes(StandardCharsets.UTF_8));
        broken.put("JSON with a comment", ("/* c */" + valid).getBytes(StandardCharsets.UTF_8));
        broken.put("single-quoted JSON", "{'a': 1}".getBytes(StandardCharsets.UTF_8));
        broken.put("invalid UTF-8", new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
        broken.put("NUL byte outside strings", ("{\u0000" + valid.substring(1)).getBytes(StandardCharsets.UTF_8));
        broken.put("nested 5000 deep", ("{\"zz\":" + "[".repeat(5000) + "]".repeat(5000) + "}").getBytes(StandardCharsets.UTF_8));
        broken.put("over 1 MiB", ("{\"zz\":\"" + "x".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8));
        broken.forEach((label, bytes) -> {
            Req r = valid(op, a, key);
            boolean mustFail = !label.equals("JSON with a comment") && !label.equals("nested 5000 deep");
            run(op, "body: " + label, mustFail ? refused : null, new Req(r.method(), r.path(), r.headers(), bytes));
        });
        Req utf8Bom = valid(op, a, key);
        byte[] withBom = ("\uFEFF" + new String(utf8Bom.body(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        run(op, "body: a BOM before valid JSON", null, new Req(utf8Bom.method(), utf8Bom.path(), utf8Bom.headers(), withBom));
    }

    private void properties(Operation op, String key) {
        ObjectNode sample = bodies.base(op, a);
        for (Corpus.Target t : Corpus.targets(doc, op.bodySchema(), sample)) {
            String[] typeAndFormat = t.type().split("/", -1);
            for (Corpus.Value v : Corpus.forType(typeAndFormat[0], typeAndFormat[1])) {
                String body = Corpus.mutate(bodies.base(op, a), t.path(), v.json());
                run(op, "body." + t.label() + " = " + v.label(), v.wrongType() ? "a value of the wrong type was accepted" : null,
                        request(op, a, key, body, Map.of(), Map.of()), v.lingers());
            }
        }
        for (String name : sample.propertyNames()) {
            ObjectNode fresh = bodies.base(op, a);
            String second = fresh.get(name).toString();
            run(op, "duplicate key \"" + name + "\"", "a body with a duplicate JSON key was accepted",
                    request(op, a, key, Corpus.duplicateKey(fresh, name, second), Map.of(), Map.of()));
        }
        run(op, "unknown extra property", null, request(op, a, key,
                Corpus.mutate(bodies.base(op, a), List.<Object>of("zzUnknown"), "{\"x\":[1,\"\\u0000\"]}"), Map.of(), Map.of()));
    }

    private void idempotencyKeys(Operation op, String key) {
        if (op.in("header").stream().noneMatch(p -> p.name().equalsIgnoreCase("Idempotency-Key"))) {
            return;
        }
        run(op, "Idempotency-Key empty", null, withHeader(valid(op, a, key), "Idempotency-Key", ""));
        run(op, "Idempotency-Key of 1000 chars", null, withHeader(valid(op, a, key), "Idempotency-Key", "i".repeat(1000)));
        String k = "fuzz-" + UUID.randomUUID();
        Req first = withHeader(valid(op, a, key), "Idempotency-Key", k);
        run(op, "Idempotency-Key, first use", null, first);
        Req other = withHeader(valid(op, a, key), "Idempotency-Key", k);
        boolean differs = !java.util.Arrays.equals(other.body(), first.body());
        run(op, "Idempotency-Key reused with another body",
                differs ? "an Idempotency-Key reused with another body was accepted" : null, other);
    }

    // ---------------------------------------------------------------- raw HTTP

    private void rawHttp(Operation op) {
        String key = key(op);
        Req valid = valid(op, a, key);
        Map<String, String> headers = new LinkedHashMap<>(valid.headers());
        run(op, "raw: TRACE", "TRACE answered 2xx", "TRACE " + valid.path() + " HTTP/1.1", headers, null);
        List<String> badSegments = List.of("%00", "%2F", "{", "}", "%", "%zz", "..%2F..", "a%5Cb", "%C0%AF", "a;b=c", "%0d%0a");
        if (op.in("path").isEmpty()) {
            for (String s : List.of("%00", "%2F", "{")) {
                run(op, "raw: path + \"/" + s + "\"", null, valid.method() + " " + op.path() + "/" + s + " HTTP/1.1",
                        headers, valid.body());
            }
        }
        for (Param p : op.in("path")) {
            for (String s : badSegments) {
                Req r = request(op, a, key, valid.body() == null ? null : new String(valid.body(), StandardCharsets.UTF_8),
                        Map.of(), Map.of(p.name(), s));
                run(op, "raw: path " + p.name() + " = " + s, "an unknown id answered 2xx",
                        r.method() + " " + r.path() + " HTTP/1.1", r.headers(), r.body());
            }
        }
        Req big = valid(op, a, key);
        Map<String, String> padded = new LinkedHashMap<>(big.headers());
        padded.put("X-Fuzz-Padding", "a".repeat(9 * 1024));
        run(op, "raw: a 9 KB header", null, big.method() + " " + big.path() + " HTTP/1.1", padded, big.body());
        Req bigKey = valid(op, a, key);
        Map<String, String> longAuth = new LinkedHashMap<>(bigKey.headers());
        longAuth.put("Authorization", "Bearer " + "k".repeat(9 * 1024));
        run(op, "raw: a 9 KB Authorization header", op.open() ? null : "answered 2xx without a valid key",
                bigKey.method() + " " + bigKey.path() + " HTTP/1.1", longAuth, bigKey.body());
        Req control = valid(op, a, key);
        Map<String, String> ctl = new LinkedHashMap<>(control.headers());
        ctl.put("X-Fuzz", "a\u0001b\u007fc");
        run(op, "raw: control characters in a header", null,
                control.method() + " " + control.path() + " HTTP/1.1", ctl, control.body());
        Req longQuery = valid(op, a, key);
        run(op, "raw: a 9 KB query string", null, longQuery.method() + " " + longQuery.path()
                + (longQuery.path().contains("?") ? "&" : "?") + "q=" + "a".repeat(9 * 1024) + " HTTP/1.1",
                longQuery.headers(), longQuery.body());
    }

    private void run(Operation op, String mutation, String mustRefuse, String requestLine, Map<String, String> headers,
                     byte[] body) {
        runRaw(op, mutation, mustRefuse, requestLine, headers, body);
    }

    // ---------------------------------------------------------------- random combinations

    /** TRIES requests that each combine several of the mutations above, chosen with a fixed seed. */
    private void randomCombinations(List<Operation> ops) {
        Random random = new Random(SEED);
        List<Operation> withBody = ops.stream().filter(Operation::hasBody).toList();
        if (withBody.isEmpty()) {
            return;
        }
        for (int i = 0; i < TRIES; i++) {
            if ((System.nanoTime() - started) / 1_000_000_000 > SECONDS) {
                notes.add("random combinations stopped after " + i + " of " + TRIES + " tries: -Dkopilka.fuzz.seconds="
                        + SECONDS + " reached");
                return;
            }
            Operation op = withBody.get(random.nextInt(withBody.size()));
            List<Corpus.Target> targets = Corpus.targets(doc, op.bodySchema(), bodies.base(op, a));
            if (targets.isEmpty()) {
                continue;
            }
            List<Map.Entry<List<Object>, String>> changes = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            boolean wrongType = false;
            boolean lingers = false;
            int n = 1 + random.nextInt(3);
            List<List<Object>> chosen = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                Corpus.Target t = targets.get(random.nextInt(targets.size()));
                if (chosen.stream().anyMatch(c -> overlap(c, t.path()))) {
                    continue; // one change per property: a later one would hide an earlier one
                }
                chosen.add(t.path());
                String[] tf = t.type().split("/", -1);
                List<Corpus.Value> values = Corpus.forType(tf[0], tf[1]);
                Corpus.Value v = values.get(random.nextInt(values.size()));
                changes.add(Map.entry(t.path(), v.json()));
                labels.add(t.label() + " = " + v.label());
                wrongType |= v.wrongType();
                lingers |= v.lingers();
            }
            boolean pos = random.nextInt(4) == 0 && !isTenantCreation(op);
            String key = pos ? a.posKey() : key(op);
            Map<String, String> headers = random.nextInt(5) == 0 ? Map.of("Accept", "application/xml") : Map.of();
            String refuse = pos && adminOnly(op) ? "a pos key was let into an admin-only operation"
                    : wrongType && headers.isEmpty() ? "a value of the wrong type was accepted" : null;
            String label = "random: " + String.join(", ", labels) + (pos ? " (pos key)" : "")
                    + (headers.isEmpty() ? "" : " (Accept: application/xml)");
            run(op, label, refuse, request(op, a, key, Corpus.mutate(bodies.base(op, a), changes), headers, Map.of()), lingers);
        }
    }

    private static boolean overlap(List<Object> x, List<Object> y) {
        int n = Math.min(x.size(), y.size());
        return x.subList(0, n).equals(y.subList(0, n));
    }
}
