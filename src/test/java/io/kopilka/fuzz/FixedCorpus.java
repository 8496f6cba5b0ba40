package io.kopilka.fuzz;

import static io.kopilka.testing.IntegrationTest.PLATFORM_KEY;

import io.kopilka.fuzz.OpenApiDoc.Operation;
import io.kopilka.fuzz.OpenApiDoc.Param;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fixed corpus, one operation at a time and the same on every run: keys, path ids, query values,
 * Accept and Content-Type, broken bodies, every body property × every bad value of its type (Corpus),
 * duplicate keys, Idempotency-Keys. Each case changes one thing in a valid request, so what the
 * answer says is about that change. Where a 2xx is itself wrong, the case says so ({@code mustRefuse}).
 */
final class FixedCorpus {
    private final OpenApiDoc doc;
    private final RequestBuilder requests;
    private final OperationKeys keys;
    private final CaseRunner runner;
    /** Tenant A, where the cases are sent; tenant B, whose key and ids must not reach into A. */
    private final Fixture a;
    private final Fixture b;

    FixedCorpus(OpenApiDoc doc, RequestBuilder requests, OperationKeys keys, CaseRunner runner, Fixture a, Fixture b) {
        this.doc = doc;
        this.requests = requests;
        this.keys = keys;
        this.runner = runner;
        this.a = a;
        this.b = b;
    }

    void send(Operation op) {
        String key = keys.key(op);
        authentication(op, key);
        pathIds(op, key);
        queries(op, key);
        for (String accept : List.of("application/xml", "text/html", "image/png")) {
            run(op, "valid request, Accept: " + accept, null, valid(op, key).with("Accept", accept));
        }
        if (op.hasBody()) {
            mediaTypes(op, key);
            brokenBodies(op, key);
            properties(op, key);
            idempotencyKeys(op, key);
        } else {
            run(op, "unexpected JSON body", null, requests.request(op, key, "{\"zz\":1}"));
            run(op, "unexpected non-JSON body", null, requests.request(op, key, "not json"));
        }
    }

    private void run(Operation op, String mutation, String mustRefuse, Request r) {
        runner.run(op, mutation, mustRefuse, r);
    }

    private Request valid(Operation op, String key) {
        return requests.valid(op, key);
    }

    private void authentication(Operation op, String key) {
        boolean platformOp = keys.isTenantCreation(op);
        String refusedKey = op.open() ? null : "answered 2xx without a valid key";
        run(op, "no Authorization header", refusedKey, valid(op, key).with("Authorization", null));
        run(op, "wrong key", refusedKey, valid(op, key).with("Authorization", "Bearer wrong-" + UUID.randomUUID()));
        run(op, "empty Bearer", refusedKey, valid(op, key).with("Authorization", "Bearer "));
        run(op, "Basic credentials", refusedKey, valid(op, key).with("Authorization", "Basic YWRtaW46YWRtaW4="));
        run(op, "key of 300 chars", refusedKey, valid(op, key).with("Authorization", "Bearer " + "k".repeat(300)));
        run(op, "revoked-looking key: admin key + 1 char", refusedKey,
                valid(op, key).with("Authorization", "Bearer " + key + "x"));
        if (platformOp) {
            run(op, "a tenant's admin key on tenant creation", "a tenant key may create tenants",
                    valid(op, a.tenant().adminKey()));
            run(op, "a pos key on tenant creation", "a tenant key may create tenants", valid(op, a.posKey()));
            return;
        }
        run(op, "the platform key on a tenant operation", "the platform key was let into a tenant operation",
                valid(op, PLATFORM_KEY));
        run(op, "a pos key", OperationKeys.adminOnly(op) ? "a pos key was let into an admin-only operation" : null,
                valid(op, a.posKey()));
        if (op.in("path").stream().anyMatch(p -> namesAnObject(op, p))) {
            run(op, "tenant B's admin key on tenant A's ids", "another tenant's object answered 2xx",
                    valid(op, b.tenant().adminKey()));
        }
    }

    /**
     * Whether a path parameter names one of a tenant's objects (a member, a rule), which another
     * tenant must not reach; a job's name ("birthday") is the same word in every tenant, and so are a
     * template's kind, locale and channel, and a language of the FAQ.
     */
    private static boolean namesAnObject(Operation op, Param p) {
        return !NOT_OBJECTS.contains(RequestBuilder.collectionOf(op, p));
    }

    private static final java.util.Set<String> NOT_OBJECTS = java.util.Set.of("/api/v1/jobs",
            "/api/v1/notifications/templates", "/api/v1/notifications/templates/{kind}",
            "/api/v1/notifications/templates/{kind}/{locale}", "/api/v1/faq");

    private void pathIds(Operation op, String key) {
        for (Param p : op.in("path")) {
            Map<String, String> bad = new LinkedHashMap<>();
            if (namesAnObject(op, p)) {
                bad.put("another tenant's real id", requests.poolId(b, RequestBuilder.collectionOf(op, p)));
            }
            bad.put("a random UUID", UUID.randomUUID().toString());
            bad.put("not a UUID", "not-a-uuid");
            bad.put("a number", "123");
            bad.put("1000 chars", "a".repeat(1000));
            bad.put("a space", "%20");
            bad.put("percent-encoded unicode", "%D0%B9%F0%9F%99%82");
            bad.put("a percent-encoded lone surrogate (bad UTF-8)", "%ED%A0%80");
            bad.put("a quote", "%27");
            bad.forEach((label, value) -> run(op, "path " + p.name() + " = " + label, "an unknown id answered 2xx",
                    requests.valid(op, key, Map.of(p.name(), value))));
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
            run(op, "query " + c[0], null, requests.valid(op, key, Map.of("?", c[1])));
        }
    }

    private void mediaTypes(Operation op, String key) {
        String refused = "a body that is not declared JSON was accepted";
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x")) {
            run(op, "Content-Type: " + type, refused, valid(op, key).with("Content-Type", type));
        }
        run(op, "no Content-Type", refused, valid(op, key).with("Content-Type", null));
        run(op, "Content-Type: application/json; charset=ISO-8859-1", null,
                valid(op, key).with("Content-Type", "application/json; charset=ISO-8859-1"));
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
        String valid = requests.validBody(op).toString();
        broken.put("two JSON documents", (valid + "{}").getBytes(StandardCharsets.UTF_8));
        broken.put("JSON with a comment", ("/* c */" + valid).getBytes(StandardCharsets.UTF_8));
        broken.put("single-quoted JSON", "{'a': 1}".getBytes(StandardCharsets.UTF_8));
        broken.put("invalid UTF-8", new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
        broken.put("NUL byte outside strings", ("{\u0000" + valid.substring(1)).getBytes(StandardCharsets.UTF_8));
        broken.put("nested 5000 deep", ("{\"zz\":" + "[".repeat(5000) + "]".repeat(5000) + "}").getBytes(StandardCharsets.UTF_8));
        broken.put("over 1 MiB", ("{\"zz\":\"" + "x".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8));
        broken.forEach((label, bytes) -> {
            boolean mustFail = !label.equals("JSON with a comment") && !label.equals("nested 5000 deep");
            run(op, "body: " + label, mustFail ? refused : null, valid(op, key).withBody(bytes));
        });
        Request utf8Bom = valid(op, key);
        byte[] withBom = ("\uFEFF" + new String(utf8Bom.body(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        run(op, "body: a BOM before valid JSON", null, utf8Bom.withBody(withBom));
    }

    private void properties(Operation op, String key) {
        ObjectNode sample = requests.validBody(op);
        for (Corpus.Target t : Corpus.targets(doc, op.bodySchema(), sample)) {
            String[] typeAndFormat = t.type().split("/", -1);
            for (Corpus.Value v : Corpus.forType(typeAndFormat[0], typeAndFormat[1])) {
                String body = Corpus.mutate(requests.validBody(op), t.path(), v.json());
                runner.run(op, "body." + t.label() + " = " + v.label(),
                        v.wrongType() ? "a value of the wrong type was accepted" : null,
                        requests.request(op, key, body), v.lingers());
            }
        }
        for (String name : sample.propertyNames()) {
            ObjectNode fresh = requests.validBody(op);
            String second = fresh.get(name).toString();
            run(op, "duplicate key \"" + name + "\"", "a body with a duplicate JSON key was accepted",
                    requests.request(op, key, Corpus.duplicateKey(fresh, name, second)));
        }
        run(op, "unknown extra property", null, requests.request(op, key,
                Corpus.mutate(requests.validBody(op), List.<Object>of("zzUnknown"), "{\"x\":[1,\"\\u0000\"]}")));
    }

    private void idempotencyKeys(Operation op, String key) {
        if (op.in("header").stream().noneMatch(p -> p.name().equalsIgnoreCase("Idempotency-Key"))) {
            return;
        }
        run(op, "Idempotency-Key empty", null, valid(op, key).with("Idempotency-Key", ""));
        run(op, "Idempotency-Key of 1000 chars", null, valid(op, key).with("Idempotency-Key", "i".repeat(1000)));
        String k = "fuzz-" + UUID.randomUUID();
        Request first = valid(op, key).with("Idempotency-Key", k);
        run(op, "Idempotency-Key, first use", null, first);
        Request other = valid(op, key).with("Idempotency-Key", k);
        // Unique fields (externalId, phone) are new in every valid body: where the operation has one, the bodies differ.
        boolean differs = !java.util.Arrays.equals(other.body(), first.body());
        run(op, "Idempotency-Key reused with another body",
                differs ? "an Idempotency-Key reused with another body was accepted" : null, other);
    }
}
