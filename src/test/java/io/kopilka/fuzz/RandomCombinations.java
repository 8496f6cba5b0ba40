package io.kopilka.fuzz;

import io.kopilka.fuzz.OpenApiDoc.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Requests that each combine several body mutations of the fixed corpus (sometimes with a pos key or
 * Accept: application/xml), drawn with a fixed seed so that a failing combination comes back on the
 * next run with the same seed. Bounded by a number of tries and by the time the whole test has run.
 */
final class RandomCombinations {
    private final OpenApiDoc doc;
    private final RequestBuilder requests;
    private final OperationKeys keys;
    private final CaseRunner runner;
    private final String posKey;
    private final List<String> notes;
    private final long started;

    RandomCombinations(OpenApiDoc doc, RequestBuilder requests, OperationKeys keys, CaseRunner runner, String posKey,
                       List<String> notes, long started) {
        this.doc = doc;
        this.requests = requests;
        this.keys = keys;
        this.runner = runner;
        this.posKey = posKey;
        this.notes = notes;
        this.started = started;
    }

    /** Some values changed in one valid body, and what a 2xx to them would mean. */
    private record Combination(List<Map.Entry<List<Object>, String>> changes, List<String> labels, boolean wrongType,
                               boolean lingers) {
    }

    /** {@code tries} requests, or fewer once the test has run {@code seconds}. */
    void send(List<Operation> ops, int tries, long seed, long seconds) {
        Random random = new Random(seed);
        List<Operation> withBody = ops.stream().filter(Operation::hasBody).toList();
        if (withBody.isEmpty()) {
            return;
        }
        for (int i = 0; i < tries; i++) {
            if ((System.nanoTime() - started) / 1_000_000_000 > seconds) {
                notes.add("random combinations stopped after " + i + " of " + tries + " tries: -Dkopilka.fuzz.seconds="
                        + seconds + " reached");
                return;
            }
            Operation op = withBody.get(random.nextInt(withBody.size()));
            List<Corpus.Target> targets = Corpus.targets(doc, op.bodySchema(), requests.validBody(op));
            if (targets.isEmpty()) {
                continue;
            }
            Combination c = draw(random, targets);
            boolean pos = random.nextInt(4) == 0 && !keys.isTenantCreation(op);
            String key = pos ? posKey : keys.key(op);
            Map<String, String> headers = random.nextInt(5) == 0 ? Map.of("Accept", "application/xml") : Map.of();
            String refuse = pos && OperationKeys.adminOnly(op) ? "a pos key was let into an admin-only operation"
                    : c.wrongType() && headers.isEmpty() ? "a value of the wrong type was accepted" : null;
            String label = "random: " + String.join(", ", c.labels()) + (pos ? " (pos key)" : "")
                    + (headers.isEmpty() ? "" : " (Accept: application/xml)");
            runner.run(op, label, refuse,
                    requests.request(op, key, Corpus.mutate(requests.validBody(op), c.changes()), headers, Map.of()),
                    c.lingers());
        }
    }

    /** One to three properties, each with one of the bad values for its type. */
    private static Combination draw(Random random, List<Corpus.Target> targets) {
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
        return new Combination(changes, labels, wrongType, lingers);
    }

    /** One path is the other or lies inside it ("items" and "items[0].sku"). */
    private static boolean overlap(List<Object> x, List<Object> y) {
        int n = Math.min(x.size(), y.size());
        return x.subList(0, n).equals(y.subList(0, n));
    }
}
