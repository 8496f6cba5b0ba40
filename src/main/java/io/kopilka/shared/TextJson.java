package io.kopilka.shared;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Texts as a {@code jsonb} column stores them:
 * {@code [{"key": "explanation.points-percent", "args": {"percent": "5", "points": 390,
 * "base": {"amount": "7800.00", "currency": "KZT"}}}]}. Each argument keeps its kind (a string, a
 * count, an amount of money, a business's names: {@code {"name": "...", "names": {"kk": "..."}}}), so
 * a text read back renders as it did when written. Jackson's own
 * shared mapper, not the application's: what is stored does not change with the API's settings.
 */
public final class TextJson {
    private static final JsonMapper JSON = JsonMapper.shared();

    private TextJson() {
    }

    /** The JSON of {@code texts}, or null for null. */
    public static String write(List<Text> texts) {
        if (texts == null) {
            return null;
        }
        ArrayNode array = JSON.createArrayNode();
        for (Text text : texts) {
            ObjectNode node = array.addObject().put("key", text.key());
            ObjectNode args = node.putObject("args");
            text.args().forEach((name, value) -> {
                switch (value) {
                    case String s -> args.put(name, s);
                    case Long n -> args.put(name, n);
                    case Money m -> args.putObject(name).put("amount", m.plain())
                            .put("currency", m.currency().getCurrencyCode());
                    case Names n -> {
                        ObjectNode names = args.putObject(name).put("name", n.name()).putObject("names");
                        n.names().forEach(names::put);
                    }
                    default -> throw new IllegalArgumentException("not a text argument: " + value);
                }
            });
        }
        return JSON.writeValueAsString(array);
    }

    /** The texts of {@link #write}'s JSON, or null for null. */
    public static List<Text> read(String json) {
        if (json == null) {
            return null;
        }
        List<Text> texts = new ArrayList<>();
        for (JsonNode node : JSON.readTree(json)) {
            Map<String, Object> args = new HashMap<>();
            for (var arg : node.path("args").properties()) {
                args.put(arg.getKey(), value(arg.getValue()));
            }
            texts.add(new Text(node.path("key").asString(), args));
        }
        return texts;
    }

    private static Object value(JsonNode value) {
        if (value.isString()) {
            return value.asString();
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.asLong();
        }
        if (value.isObject() && value.path("amount").isString() && value.path("currency").isString()) {
            return new Money(new BigDecimal(value.path("amount").asString()),
                    Currency.getInstance(value.path("currency").asString()));
        }
        if (value.isObject() && value.path("name").isString()) {
            Map<String, String> names = new HashMap<>();
            for (var translated : value.path("names").properties()) {
                names.put(translated.getKey(), translated.getValue().asString());
            }
            return new Names(value.path("name").asString(), names);
        }
        throw new IllegalArgumentException("not a text argument: " + value);
    }
}
