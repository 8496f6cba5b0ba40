package io.kopilka.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** The served OpenAPI document, read at run time: its operations, and its schemas with $ref resolved. */
final class OpenApiDoc {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    record Param(String name, String in, JsonNode schema, boolean required) {
    }

    /** {@code open}: the operation says {@code security: []}, so it needs no key. */
    record Operation(String method, String path, String summary, List<Param> params, JsonNode bodySchema,
                     boolean open) {
        String id() {
            return method + " " + path;
        }

        List<Param> in(String where) {
            return params.stream().filter(p -> p.in().equals(where)).toList();
        }

        boolean hasBody() {
            return bodySchema != null;
        }
    }

    private final JsonNode doc;

    OpenApiDoc(JsonNode doc) {
        this.doc = doc;
    }

    List<Operation> operations() {
        List<Operation> ops = new ArrayList<>();
        for (var path : doc.path("paths").properties()) {
            for (var entry : path.getValue().properties()) {
                if (!METHODS.contains(entry.getKey())) {
                    continue;
                }
                JsonNode op = entry.getValue();
                List<Param> params = new ArrayList<>();
                for (JsonNode p : op.path("parameters")) {
                    JsonNode r = resolve(p);
                    params.add(new Param(r.path("name").asString(), r.path("in").asString(), resolve(r.path("schema")),
                            r.path("required").asBoolean(false)));
                }
                JsonNode body = null;
                JsonNode content = resolve(op.path("requestBody")).path("content");
                if (content.isObject() && !content.isEmpty()) {
                    JsonNode json = content.has("application/json") ? content.path("application/json")
                            : content.properties().iterator().next().getValue();
                    body = resolve(json.path("schema"));
                }
                boolean open = op.path("security").isArray() && op.path("security").isEmpty();
                ops.add(new Operation(entry.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                        op.path("summary").asString(""), List.copyOf(params), body, open));
            }
        }
        return ops;
    }

    /** Follows $ref (to components/...) until a schema without one; takes the first of allOf/oneOf/anyOf. */
    JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        for (int i = 0; i < 20 && s != null; i++) {
            if (s.has("$ref")) {
                String ref = s.path("$ref").asString();
                JsonNode target = doc;
                for (String part : ref.replaceFirst("^#/", "").split("/")) {
                    target = target.path(part.replace("~1", "/").replace("~0", "~"));
                }
                s = target;
            } else if (s.path("allOf").isArray() && s.path("allOf").size() == 1) {
                s = s.path("allOf").get(0);
            } else if (s.path("oneOf").isArray() && !s.path("oneOf").isEmpty()) {
                s = s.path("oneOf").get(0);
            } else if (s.path("anyOf").isArray() && !s.path("anyOf").isEmpty()) {
                s = s.path("anyOf").get(0);
            } else {
                return s;
            }
        }
        return s;
    }

    /** The JSON type a schema asks for: string, integer, number, boolean, array, object, or "" for any. */
    String type(JsonNode schema) {
        JsonNode s = resolve(schema);
        JsonNode type = s.path("type");
        if (type.isString()) {
            return type.asString();
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asString().equals("null")) {
                    return t.asString();
                }
            }
        }
        if (s.has("properties") || s.has("additionalProperties")) {
            return "object";
        }
        if (s.has("items")) {
            return "array";
        }
        return "";
    }
}
