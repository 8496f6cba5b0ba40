package io.kopilka.testing.browser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.openqa.selenium.JavascriptExecutor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * axe-core in the page: injected from the class path (the axe.min.js Deque ships on Maven Central), run on the
 * whole document, its violations read back as records. Only "serious" and "critical" ones fail a test: the
 * others are matters of taste axe itself marks as such.
 */
public final class Axe {
    /** The impacts that fail {@link Browser#assertAccessible()}. */
    public static final Set<String> FAILING = Set.of("serious", "critical");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static volatile String source;

    private Axe() {
    }

    /** One rule broken by some elements of the page. */
    public record Violation(String rule, String impact, String help, String helpUrl, List<String> targets) {
        public boolean failing() {
            return FAILING.contains(impact);
        }

        @Override
        public String toString() {
            return "[" + impact + "] " + rule + ": " + help + " (" + helpUrl + ")\n"
                    + targets.stream().map(t -> "      at " + t).collect(Collectors.joining("\n"));
        }
    }

    static List<Violation> run(JavascriptExecutor page) {
        if (!Boolean.TRUE.equals(page.executeScript("return typeof window.axe === 'object';"))) {
            page.executeScript(source());
        }
        // axe.run is asynchronous: Selenium's async script hands the result back through its callback.
        Object answer = page.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                    .then(r => done(JSON.stringify(r.violations)))
                    .catch(e => done('axe failed: ' + e));""");
        String text = String.valueOf(answer);
        if (!text.startsWith("[")) {
            throw new IllegalStateException(text);
        }
        List<Violation> violations = new ArrayList<>();
        for (JsonNode v : JSON.readTree(text)) {
            List<String> targets = new ArrayList<>();
            // A node's target is a list of selectors, one per frame or shadow root on the way to it.
            v.path("nodes").forEach(node -> {
                List<String> path = new ArrayList<>();
                node.path("target").forEach(selector ->
                        path.add(selector.isString() ? selector.asString() : selector.toString()));
                targets.add(String.join(" >> ", path));
            });
            violations.add(new Violation(v.path("id").asString(), v.path("impact").asString(),
                    v.path("help").asString(), v.path("helpUrl").asString(), List.copyOf(targets)));
        }
        return List.copyOf(violations);
    }

    /** The list a failed test prints: every failing violation, with where it is and how to fix it. */
    static String report(String page, Viewport size, List<Violation> failing) {
        return failing.size() + " serious or critical accessibility violation(s) on " + page + " at " + size
                + " (axe-core):\n" + failing.stream().map(v -> "  " + v).collect(Collectors.joining("\n"));
    }

    private static String source() {
        if (source == null) {
            try (InputStream in = Axe.class.getResourceAsStream("/axe.min.js")) {
                if (in == null) {
                    throw new IllegalStateException("axe.min.js is not on the test class path: the test dependency "
                            + "com.deque.html.axe-core:selenium (pom.xml) ships it");
                }
                source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return source;
    }
}
