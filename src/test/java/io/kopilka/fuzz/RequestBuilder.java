package io.kopilka.fuzz;

import io.kopilka.fuzz.OpenApiDoc.Operation;
import io.kopilka.fuzz.OpenApiDoc.Param;
import io.kopilka.testing.Api;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the requests of the cases, all against tenant A (the home fixture) with its real ids. An
 * operation that consumes or deletes its object (POST or DELETE on a path with an id) gets a fresh
 * one for every case, so that no case depends on an earlier one; any other id is one per collection,
 * kept in the fixture's pool. Building a request is also the moment the rows baseline is renewed: after
 * the fresh object is made, before the case is sent.
 */
final class RequestBuilder {
    private static final String JSON_TYPE = "application/json";

    private final Api api;
    private final OpenApiDoc doc;
    private final ValidBodies bodies;
    private final Fixture home;
    private final RowsBaseline baseline;
    private final List<String> notes;

    RequestBuilder(Api api, OpenApiDoc doc, ValidBodies bodies, Fixture home, RowsBaseline baseline,
                   List<String> notes) {
        this.api = api;
        this.doc = doc;
        this.bodies = bodies;
        this.home = home;
        this.baseline = baseline;
        this.notes = notes;
    }

    /** A new valid body for the operation in tenant A: a mutation changes one thing in it. */
    ObjectNode validBody(Operation op) {
        return bodies.base(op, home);
    }

    Request valid(Operation op, String key) {
        return valid(op, key, Map.of());
    }

    /** The valid request with some path parameters (or, under "?", the query) given: see {@link #path}. */
    Request valid(Operation op, String key, Map<String, String> override) {
        return request(op, key, op.hasBody() ? validBody(op).toString() : null, Map.of(), override);
    }

    Request request(Operation op, String key, String body) {
        return request(op, key, body, Map.of(), Map.of());
    }

    /**
     * @param key      sent as a Bearer key; null for none
     * @param body     sent as JSON; null for no body (and no Content-Type)
     * @param headers  set over the defaults; a null value removes a default
     * @param override see {@link #path}
     */
    Request request(Operation op, String key, String body, Map<String, String> headers, Map<String, String> override) {
        String path = path(op, override);
        baseline.renewIfStale();
        Map<String, String> h = new LinkedHashMap<>();
        if (key != null) {
            h.put("Authorization", "Bearer " + key);
        }
        if (body != null) {
            h.put("Content-Type", JSON_TYPE);
        }
        h.put("Accept", JSON_TYPE + ", application/problem+json");
        headers.forEach((k, v) -> Request.set(h, k, v));
        return new Request(op.method(), path, h, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The path with real ids of tenant A; a fresh object for operations that consume or delete theirs.
     * {@code override} gives a path parameter's value by its name, the whole path under "=", a query
     * string under "?".
     */
    private String path(Operation op, Map<String, String> override) {
        if (override.containsKey("=")) {
            return override.get("=");
        }
        String path = op.path();
        for (Param p : op.in("path")) {
            String value = override.get(p.name());
            if (value == null) {
                String collection = collectionOf(op, p);
                boolean consumes = op.method().equals("DELETE") || op.method().equals("POST");
                String fresh = consumes ? create(home, collection) : null;
                value = fresh != null ? fresh : poolId(home, collection);
            }
            path = path.replace("{" + p.name() + "}", value);
        }
        if (override.containsKey("?")) {
            path += "?" + override.get("?");
        }
        return path;
    }

    /** The collection whose object a path parameter names: "/api/v1/rules" for {id} in "/api/v1/rules/{id}". */
    static String collectionOf(Operation op, Param p) {
        return op.path().substring(0, op.path().indexOf("{" + p.name() + "}") - 1);
    }

    /** After the known set-up, any other collection with a path id gets one object made from its POST. */
    String poolId(Fixture f, String collection) {
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
        baseline.markStale();
        Api.Response r = api.send("POST", f.tenant().adminKey(), collection, bodies.base(post, f).toString(), Map.of());
        if (r.status() >= 300) {
            return null;
        }
        return r.json().has("id") ? r.text("id") : r.json().has("code") ? r.text("code") : null;
    }
}
