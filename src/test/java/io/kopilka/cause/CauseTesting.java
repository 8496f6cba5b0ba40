package io.kopilka.cause;

import java.util.LinkedHashMap;
import java.util.Map;

/** The cause the ITs create: "Посади дерево", 500 points a tree, 1000 trees aimed at. */
final class CauseTesting {
    private CauseTesting() {
    }

    static Map<String, Object> plantATree() {
        Map<String, Object> cause = new LinkedHashMap<>();
        cause.put("name", "Посади дерево");
        cause.put("names", Map.of("kk", "Ағаш ек", "en", "Plant a tree"));
        cause.put("description", "Каждые 500 баллов — одно дерево в парке");
        cause.put("unit", Map.of("ru", "дерево", "kk", "ағаш", "en", "tree"));
        cause.put("unitForms", Map.of("ru", Map.of("one", "дерево", "few", "дерева", "many", "деревьев")));
        cause.put("verb", Map.of("ru", "посадили", "kk", "отырғыздық", "en", "planted"));
        cause.put("pointsPerUnit", 500);
        cause.put("goalUnits", 1000);
        cause.put("active", true);
        return cause;
    }
}
