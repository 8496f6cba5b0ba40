package io.kopilka.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Judges each answer against the contract and keeps the violations, de-duplicated, for one report. */
final class Findings {
    static final Set<Integer> ERROR_STATUSES = Set.of(400, 401, 403, 404, 405, 406, 409, 413, 415, 422, 429);
    private static final Pattern SNAKE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");
    /** Java's insides in a message meant for a caller: type names, packages, method signatures, parser locations. */
    private static final Pattern LEAK = Pattern.compile(
            "java\\.|javax\\.|jakarta\\.|tools\\.jackson|com\\.fasterxml|io\\.kopilka|org\\.springframework|org\\.postgresql"
                    + "|\\[Source:|\\b[A-Za-z_$][\\w$]*\\.[a-z_$][\\w$]*\\([\\w$.,\\s\\[\\]<>]*\\)"
                    + "|`[A-Z][\\w$]*(\\.[A-Z][\\w$]*)*`|\\bclass [a-z]+\\.");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Violation(String kind, String operation, String mutation, int status, String body, String extra) {
    }

    private final Map<String, Violation> byKey = new LinkedHashMap<>();
    private final Map<String, Integer> hits = new LinkedHashMap<>();
    private long answers;
    private long tooMany;

    /**
     * @param mustRefuse when not null, a 2xx answer is itself a violation of this kind (a wrong type,
     *                   a missing key, another tenant's id...)
     * @param written    what changed in the database, "" when nothing did
     */
    void judge(String operation, String mutation, String mustRefuse, int status, String contentType, String body,
               String written) {
        answers++;
        if (status == 429) {
            tooMany++;
        }
        String shortBody = clip(body);
        if (status >= 500) {
            add("5xx answer", operation, mutation, status, shortBody, "");
        }
        if (status >= 400) {
            checkProblem(operation, mutation, status, contentType, body, shortBody);
            if (!written.isEmpty()) {
                add("error answer but rows were written", operation, mutation, status, shortBody, written);
            }
            if (status < 500 && !ERROR_STATUSES.contains(status)) {
                add("unexpected error status", operation, mutation, status, shortBody, "");
            }
        } else if (status >= 200 && status < 300 && mustRefuse != null) {
            add(mustRefuse, operation, mutation, status, shortBody, written.isEmpty() ? "" : "wrote: " + written);
        } else if (status < 200 || status >= 300) {
            add("unexpected status", operation, mutation, status, shortBody, "");
        }
    }

    /** The first 200 characters of a body, on one line: enough to tell one answer from another in a report. */
    static String clip(String s) {
        return s == null ? "" : s.substring(0, Math.min(200, s.length())).replace("\n", " ");
    }

    void transportFailure(String operation, String mutation, Exception e) {
        answers++;
        add("no HTTP answer (connection failed or timed out)", operation, mutation, 0, String.valueOf(e), "");
    }

    private void checkProblem(String operation, String mutation, int status, String contentType, String body,
                              String shortBody) {
        if (!contentType.toLowerCase().startsWith("application/problem+json")) {
            String shape = body == null || body.isBlank() ? "an empty body"
                    : body.stripLeading().startsWith("<") ? "an HTML page"
                    : body.contains("\"timestamp\"") && body.contains("\"path\"") ? "Spring's default error JSON"
                    : "something else";
            add("error not application/problem+json (" + shape + ")", operation, mutation, status, shortBody,
                    "Content-Type: " + (contentType.isEmpty() ? "(none)" : contentType));
            return;
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (RuntimeException e) {
            add("problem+json body is not JSON", operation, mutation, status, shortBody, "");
            return;
        }
        String code = json.path("code").asString("");
        if (!SNAKE.matcher(code).matches()) {
            add("problem without a snake_case code", operation, mutation, status, shortBody, "code=" + code);
        }
        if (json.path("status").asInt(-1) != status) {
            add("problem status differs from the HTTP status", operation, mutation, status, shortBody, "");
        }
        List<String> texts = new ArrayList<>();
        texts.add(json.path("detail").asString(""));
        texts.add(json.path("title").asString(""));
        for (JsonNode e : json.path("errors")) {
            texts.add(e.path("message").asString(""));
        }
        for (String text : texts) {
            var m = LEAK.matcher(text);
            if (m.find()) {
                add("error message names Java internals", operation, mutation, status, shortBody,
                        "matched \"" + m.group() + "\"");
                break;
            }
        }
    }

    private void add(String kind, String operation, String mutation, int status, String body, String extra) {
        String key = kind + "|" + operation + "|" + mutation + "|" + status;
        hits.merge(key, 1, Integer::sum);
        byKey.putIfAbsent(key, new Violation(kind, operation, mutation, status, body, extra));
    }

    boolean isEmpty() {
        return byKey.isEmpty();
    }

    long tooMany() {
        return tooMany;
    }

    long answers() {
        return answers;
    }

    /** What kind of mutation a label names, across properties: "body.items[0].name = NUL in text" → "NUL in text". */
    private static String mutationKind(String mutation) {
        if (mutation.startsWith("random: ")) {
            return "random combination";
        }
        int eq = mutation.lastIndexOf(" = ");
        return eq < 0 ? mutation : mutation.substring(eq + 3);
    }

    /**
     * Grouped by kind: a count, the operations touched and the mutations that caused it, then each
     * distinct violation (operation, mutation, status, the first 200 characters of the body), at most
     * {@code perKind} of them per kind.
     */
    String report(int perKind) {
        Map<String, List<Violation>> groups = new java.util.TreeMap<>();
        byKey.values().forEach(v -> groups.computeIfAbsent(v.kind(), k -> new ArrayList<>()).add(v));
        StringBuilder out = new StringBuilder();
        out.append(byKey.size()).append(" distinct violations in ").append(groups.size()).append(" classes, from ")
                .append(answers).append(" answers\n\nSummary:\n");
        groups.forEach((kind, list) -> {
            Set<String> ops = new LinkedHashSet<>();
            Map<String, Integer> causes = new LinkedHashMap<>();
            list.forEach(v -> {
                ops.add(v.operation());
                causes.merge(mutationKind(v.mutation()), 1, Integer::sum);
            });
            out.append(String.format("  %4d × %s%n         in %d operation(s): %s%n", list.size(), kind, ops.size(),
                    String.join(", ", ops.stream().limit(5).toList()) + (ops.size() > 5 ? ", …" : "")));
            List<String> top = causes.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(8)
                    .map(e -> e.getKey() + " (" + e.getValue() + ")").toList();
            out.append("         from: ").append(String.join("; ", top))
                    .append(causes.size() > 8 ? "; … " + (causes.size() - 8) + " more" : "").append('\n');
        });
        groups.forEach((kind, list) -> {
            out.append("\n== ").append(kind).append(" (").append(list.size()).append(") ==\n");
            list.stream().limit(perKind).forEach(v -> {
                out.append("  ").append(v.operation()).append(" | ").append(v.mutation()).append(" | ")
                        .append(v.status());
                if (!v.extra().isEmpty()) {
                    out.append(" | ").append(v.extra());
                }
                out.append("\n      ").append(v.body()).append('\n');
            });
            if (list.size() > perKind) {
                out.append("  … ").append(list.size() - perKind).append(" more of this kind in target/fuzz/report.txt\n");
            }
        });
        return out.toString();
    }
}
