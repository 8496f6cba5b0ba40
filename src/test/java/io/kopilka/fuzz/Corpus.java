package io.kopilka.fuzz;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bad values for one property, chosen by the JSON type its schema asks for. Each value is raw JSON
 * text (so that it can be what no JSON library writes: 1E+999999999, a lone surrogate, NaN), or
 * {@link #MISSING}. A value of the wrong JSON type is marked: a 2xx answer to it is a silent coercion.
 */
final class Corpus {
    static final String MISSING = "\u0000missing";
    static final String HUGE = "x".repeat(100_000);
    static final String FORTY_DIGITS = "1234567890123456789012345678901234567890";

    /**
     * @param wrongType a 2xx answer to it is a silent coercion
     * @param lingers   an odd value that, once stored, may break what reads it later: an accepted one is
     *                  followed by reads of what was written (see CaseRunner#followUps)
     */
    record Value(String label, String json, boolean wrongType, boolean lingers) {
    }

    /** A property to mutate: its path from the body's root (names and array indexes) and its JSON type. */
    record Target(List<Object> path, String type) {
        String label() {
            StringBuilder s = new StringBuilder();
            for (Object p : path) {
                if (p instanceof Integer i) {
                    s.append('[').append(i).append(']');
                } else {
                    s.append(s.isEmpty() ? "" : ".").append(p);
                }
            }
            return s.toString();
        }
    }

    private Corpus() {
    }

    private static Value ok(String label, String json) {
        return new Value(label, json, false, false);
    }

    private static Value odd(String label, String json) {
        return new Value(label, json, false, true);
    }

    private static Value wrong(String label, String json) {
        return new Value(label, json, true, false);
    }

    /** Text that is valid JSON but hard to store or show. */
    static List<Value> oddText() {
        return List.of(
                ok("empty string", "\"\""),
                ok("blank string", "\"   \""),
                ok("100 000 chars", "\"" + HUGE + "\""),
                odd("NUL in text", "\"a\\u0000b\""),
                odd("only NUL", "\"\\u0000\""),
                odd("lone high surrogate", "\"a\\ud800b\""),
                odd("lone low surrogate", "\"\\udfff\""),
                odd("RTL override", "\"\\u202eevil\\u202c\""),
                odd("emoji", "\"\uD83D\uDE42\uD83D\uDC4D\uD83C\uDFFD\u200D\""),
                odd("combining chars", "\"e\\u0301\\u0301\\u0301\\u0301\""),
                ok("zero-width and BOM", "\"\\u200b\\ufeff\""),
                odd("control chars", "\"\\u0001\\u001f\\u007f\""),
                ok("markup", "\"<script>alert(1)</script>\""),
                ok("SQL quote", "\"' OR '1'='1\""),
                odd("1E-999999999 as string", "\"1E-999999999\""),
                odd("1E+999999999 as string", "\"1E+999999999\""),
                ok("NaN as string", "\"NaN\""),
                odd("40 digits as string", "\"" + FORTY_DIGITS + "\""));
    }

    static List<Value> forType(String type, String format) {
        List<Value> v = new ArrayList<>();
        v.add(ok("missing", MISSING));
        v.add(ok("null", "null"));
        switch (type) {
            case "string" -> {
                v.add(wrong("number for string", "123"));
                v.add(wrong("negative number for string", "-1"));
                v.add(wrong("boolean for string", "true"));
                v.add(wrong("object for string", "{\"a\":\"b\"}"));
                v.add(wrong("array for string", "[\"a\"]"));
                v.addAll(oddText());
            }
            case "integer" -> {
                v.add(wrong("numeric string for integer", "\"12\""));
                v.add(wrong("string for integer", "\"abc\""));
                v.add(wrong("decimal for integer", "1.5"));
                v.add(wrong("boolean for integer", "true"));
                v.add(wrong("object for integer", "{}"));
                v.add(wrong("array for integer", "[1]"));
                v.add(ok("negative", "-1"));
                v.add(ok("zero", "0"));
                v.add(odd("Long.MIN_VALUE", "-9223372036854775808"));
                v.add(wrong("Long.MAX_VALUE + 1", "9223372036854775808"));
                v.add(wrong("40 digits", FORTY_DIGITS));
                v.add(wrong("1E-999999999 for integer", "1E-999999999"));
                v.add(wrong("1E+999999999 for integer", "1E+999999999"));
                v.add(wrong("1e308 for integer", "1e308"));
                v.add(wrong("NaN string for integer", "\"NaN\""));
                if ("int32".equals(format)) {
                    v.add(wrong("Integer.MAX_VALUE + 1", "2147483648"));
                }
                v.add(odd("huge int", "999999999999"));
            }
            case "number" -> {
                // Money may come as a string ("12.50"): only a non-numeric one is the wrong type.
                v.add(wrong("text for number", "\"abc\""));
                v.add(wrong("boolean for number", "true"));
                v.add(wrong("object for number", "{}"));
                v.add(wrong("array for number", "[1]"));
                v.add(ok("negative", "-1"));
                v.add(odd("negative tiny", "-0.0001"));
                v.add(ok("zero", "0"));
                v.add(odd("1E-999999999", "1E-999999999"));
                v.add(odd("1E+999999999", "1E+999999999"));
                v.add(odd("1e308", "1e308"));
                v.add(odd("-1e308", "-1e308"));
                v.add(odd("40 digits", FORTY_DIGITS));
                v.add(odd("40 decimals", "0." + FORTY_DIGITS));
                v.add(ok("\"NaN\"", "\"NaN\""));
                v.add(ok("\"Infinity\"", "\"Infinity\""));
                v.add(ok("\"-Infinity\"", "\"-Infinity\""));
                v.add(odd("\"1E-999999999\"", "\"1E-999999999\""));
                v.add(odd("\"1E+999999999\"", "\"1E+999999999\""));
                v.add(odd("40 digits as string", "\"" + FORTY_DIGITS + "\""));
                v.add(ok("empty string", "\"\""));
                v.add(ok("NUL in numeric string", "\"1\\u00002\""));
            }
            case "boolean" -> {
                v.add(wrong("string for boolean", "\"true\""));
                v.add(wrong("word for boolean", "\"yes\""));
                v.add(wrong("number for boolean", "1"));
                v.add(wrong("object for boolean", "{}"));
                v.add(wrong("array for boolean", "[true]"));
            }
            case "array" -> {
                v.add(wrong("string for array", "\"a\""));
                v.add(wrong("number for array", "1"));
                v.add(wrong("object for array", "{}"));
                v.add(ok("empty array", "[]"));
                v.add(ok("array of null", "[null]"));
                v.add(ok("array of nested arrays", "[[[]]]"));
            }
            case "object" -> {
                v.add(wrong("string for object", "\"a\""));
                v.add(wrong("number for object", "1"));
                v.add(wrong("array for object", "[]"));
                v.add(ok("empty object", "{}"));
                v.add(odd("object with an odd key", "{\"\\u0000\":\"\\ud800\"}"));
            }
            default -> {
                v.add(odd("any-type field: string with NUL", "\"a\\u0000\""));
                v.add(odd("any-type field: 1E+999999999", "1E+999999999"));
                v.add(ok("any-type field: empty array", "[]"));
            }
        }
        return v;
    }

    /** Every property reachable from the body's root: object properties and the first item of arrays. */
    static List<Target> targets(OpenApiDoc doc, JsonNode schema, JsonNode base) {
        List<Target> out = new ArrayList<>();
        collect(doc, schema, base, new ArrayList<>(), out, 0);
        return out;
    }

    private static void collect(OpenApiDoc doc, JsonNode schema, JsonNode base, List<Object> path,
                                List<Target> out, int depth) {
        if (depth > 4) {
            return;
        }
        JsonNode s = doc.resolve(schema);
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        s.path("properties").propertyNames().forEach(names::add);
        if (base != null && base.isObject()) {
            base.propertyNames().forEach(names::add);
        }
        for (String name : names) {
            JsonNode propSchema = doc.resolve(s.path("properties").path(name));
            JsonNode value = base == null ? null : base.get(name);
            String type = doc.type(propSchema);
            if (type.isEmpty() && value != null && depth == 0) {
                // A body described only as "an object" (PATCH): its fields are typed by the valid body.
                // Deeper down, a field without a schema is in a free-form map (attributes): any type goes.
                type = jsonType(value);
            }
            List<Object> p = new ArrayList<>(path);
            p.add(name);
            out.add(new Target(List.copyOf(p), type + "/" + propSchema.path("format").asString("")));
            if (type.equals("object") && (propSchema.has("properties") || (value != null && value.isObject()))) {
                collect(doc, propSchema, value, p, out, depth + 1);
            } else if (type.equals("array") && value != null && value.isArray() && !value.isEmpty()) {
                JsonNode items = doc.resolve(propSchema.path("items"));
                String itemType = doc.type(items).isEmpty() ? jsonType(value.get(0)) : doc.type(items);
                List<Object> q = new ArrayList<>(p);
                q.add(0);
                out.add(new Target(List.copyOf(q), itemType + "/" + items.path("format").asString("")));
                if (itemType.equals("object")) {
                    collect(doc, items, value.get(0), q, out, depth + 1);
                }
            }
        }
    }

    static String jsonType(JsonNode v) {
        if (v.isString()) {
            return "string";
        }
        if (v.isIntegralNumber()) {
            return "integer";
        }
        if (v.isNumber()) {
            return "number";
        }
        if (v.isBoolean()) {
            return "boolean";
        }
        if (v.isArray()) {
            return "array";
        }
        if (v.isObject()) {
            return "object";
        }
        return "";
    }

    /** The body with the value at {@code path} replaced (or removed, or added): JSON text. */
    static String mutate(JsonNode base, List<Object> path, String rawJson) {
        return mutate(base, List.of(java.util.Map.entry(path, rawJson)));
    }

    /** The body with several values replaced at once; a path whose parent is gone is skipped. */
    static String mutate(JsonNode base, List<java.util.Map.Entry<List<Object>, String>> changes) {
        JsonNode copy = base.deepCopy();
        List<String[]> replacements = new ArrayList<>();
        int n = 0;
        for (var change : changes) {
            List<Object> path = change.getKey();
            String rawJson = change.getValue();
            String marker = "@@fuzz-raw-value-" + n++ + "@@";
            JsonNode parent = copy;
            boolean reachable = true;
            for (int i = 0; i < path.size() - 1 && reachable; i++) {
                Object p = path.get(i);
                JsonNode next = p instanceof Integer idx ? parent.get(idx) : parent.get((String) p);
                if (next == null || !(next.isObject() || next.isArray())) {
                    if (parent instanceof ObjectNode o && p instanceof String name) {
                        next = o.putObject(name);
                    } else {
                        reachable = false;
                    }
                }
                parent = next;
            }
            if (!reachable) {
                continue;
            }
            Object last = path.getLast();
            boolean remove = rawJson.equals(MISSING);
            if (parent instanceof ObjectNode o && last instanceof String name) {
                if (remove) {
                    o.remove(name);
                } else {
                    o.put(name, marker);
                }
            } else if (parent instanceof ArrayNode a && last instanceof Integer idx && idx < a.size()) {
                if (remove) {
                    a.remove(idx.intValue());
                } else {
                    a.set(idx, a.stringNode(marker));
                }
            }
            if (!remove) {
                replacements.add(new String[] {"\"" + marker + "\"", rawJson});
            }
        }
        String text = copy.toString();
        for (String[] r : replacements) {
            text = text.replace(r[0], r[1]);
        }
        return text;
    }

    /** The body with a top-level property written twice, the second time with {@code second}. */
    static String duplicateKey(JsonNode base, String name, String second) {
        String text = base.toString();
        String escaped = tools.jackson.databind.node.JsonNodeFactory.instance.stringNode(name).toString();
        return text.substring(0, text.length() - 1) + (base.isEmpty() ? "" : ",") + escaped + ":" + second + "}";
    }
}
