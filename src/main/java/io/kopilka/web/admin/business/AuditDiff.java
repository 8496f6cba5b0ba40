package io.kopilka.web.admin.business;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * What an audit entry changed, field by field: the two JSON documents flattened to paths
 * ({@code expiry.days}, {@code channelOrder}) and compared, so an owner reads "expiry.days: 365 → 180"
 * instead of two blocks of JSON. A list of plain values is one field ("email, sms"); a list of objects
 * is a field per item ({@code tiers[2].name}). Unchanged fields are left out.
 */
final class AuditDiff {
    private AuditDiff() {
    }

    /** One changed field; {@code before} null when it was added, {@code after} null when removed. */
    record Row(String field, String before, String after) {
        public boolean added() {
            return before == null;
        }

        public boolean removed() {
            return after == null;
        }
    }

    static List<Row> of(JsonNode before, JsonNode after) {
        Map<String, String> was = flatten(before);
        Map<String, String> is = flatten(after);
        Set<String> fields = new LinkedHashSet<>(was.keySet());
        fields.addAll(is.keySet());
        List<Row> rows = new ArrayList<>();
        for (String field : fields) {
            String a = was.get(field);
            String b = is.get(field);
            if (a == null ? b != null : !a.equals(b)) {
                rows.add(new Row(field, a, b));
            }
        }
        return rows;
    }

    static Map<String, String> flatten(JsonNode node) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (node != null && !node.isNull() && !node.isMissingNode()) {
            flatten("", node, fields);
        }
        return fields;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> into) {
        if (node.isObject()) {
            if (node.isEmpty() && !path.isEmpty()) {
                into.put(path, "{}");
            }
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                flatten(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), into);
            }
        } else if (node.isArray()) {
            boolean plain = true;
            for (JsonNode item : node) {
                plain &= item.isValueNode() || item.isNull();
            }
            if (plain) {
                List<String> values = new ArrayList<>();
                node.forEach(item -> values.add(text(item)));
                into.put(path.isEmpty() ? "value" : path, values.isEmpty() ? "—" : String.join(", ", values));
            } else {
                for (int i = 0; i < node.size(); i++) {
                    flatten(path + "[" + i + "]", node.get(i), into);
                }
            }
        } else if (!node.isNull()) {
            into.put(path.isEmpty() ? "value" : path, text(node));
        }
    }

    private static String text(JsonNode value) {
        return value.isNull() ? "—" : value.asString();
    }
}
