package io.kopilka.fuzz;

import io.kopilka.fuzz.OpenApiDoc.Operation;
import io.kopilka.testing.Api;
import io.kopilka.testing.RawHttp;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Sends one case and has it judged: the answer by Findings, what it wrote by the rows baseline. After
 * a 2xx, an odd value that was stored is read back, and what was replaced or created is put back or
 * deleted, so that no case depends on an earlier one.
 */
final class CaseRunner {
    private final Api api;
    private final RawHttp raw;
    private final OpenApiDoc doc;
    private final RequestBuilder requests;
    private final OperationKeys keys;
    private final RowsBaseline baseline;
    private final Findings findings;
    private final String adminKey;
    private final long started;
    /** Every request and answer, for target/fuzz/trace.txt; null when not tracing. */
    private final List<String> trace;

    CaseRunner(Api api, RawHttp raw, OpenApiDoc doc, RequestBuilder requests, OperationKeys keys, RowsBaseline baseline,
               Findings findings, String adminKey, long started, boolean trace) {
        this.api = api;
        this.raw = raw;
        this.doc = doc;
        this.requests = requests;
        this.keys = keys;
        this.baseline = baseline;
        this.findings = findings;
        this.adminKey = adminKey;
        this.started = started;
        this.trace = trace ? new ArrayList<>() : null;
    }

    List<String> trace() {
        return trace == null ? List.of() : trace;
    }

    /** Sends, judges the answer and the rows written; then puts back what a 2xx changed. */
    void run(Operation op, String mutation, String mustRefuse, Request r) {
        run(op, mutation, mustRefuse, r, false);
    }

    /** @param lingers the request carries a value that, once stored, may break what reads it: see {@link #followUps} */
    void run(Operation op, String mutation, String mustRefuse, Request r, boolean lingers) {
        Api.Response answer = judged(op, mutation, mustRefuse, r);
        if (answer != null && answer.status() < 300) {
            if (lingers && !op.method().equals("GET")) {
                followUps(op, mutation, r, answer);
            }
            restore(op, r, answer);
        }
    }

    /**
     * Over a bare socket, for what java.net.http refuses to send (TRACE, '{' in a path, control
     * characters in a header). Nothing is put back: these cases are not meant to be accepted.
     */
    void runRaw(Operation op, String mutation, String mustRefuse, Request r) {
        try {
            RawHttp.Answer answer = raw.send(r.requestLine(), r.headers(), r.body());
            judge(op, mutation, mustRefuse, answer.status(), answer.contentType(), answer.body());
        } catch (IOException | RuntimeException e) {
            findings.transportFailure(op.id(), mutation, e);
            baseline.markStale();
        }
    }

    /** A request that is not a case (finding an operation's key): not judged, null when no answer came. */
    Api.Response unjudged(Request r) {
        baseline.markStale();
        try {
            return exchange(r);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private Api.Response judged(Operation op, String mutation, String mustRefuse, Request r) {
        Api.Response answer;
        try {
            answer = exchange(r);
        } catch (RuntimeException first) {
            try {
                answer = exchange(r); // once more: a connection the server closed early is no finding
            } catch (RuntimeException e) {
                findings.transportFailure(op.id(), mutation, e);
                baseline.markStale();
                return null;
            }
        }
        judge(op, mutation, mustRefuse, answer.status(), answer.contentType(), answer.body());
        return answer;
    }

    /** Only an error answer must have written nothing: a 2xx is meant to write. */
    private void judge(Operation op, String mutation, String mustRefuse, int status, String contentType, String body) {
        String written = baseline.advance();
        findings.judge(op.id(), mutation, mustRefuse, status, contentType, body, status >= 400 ? written : "");
        if (trace != null) {
            trace.add(op.id() + " | " + mutation + " | " + status + " | " + Findings.clip(body));
        }
        if (findings.answers() % 1000 == 0) {
            System.out.printf("ApiFuzzIT: %d requests, %d s, at %s%n", findings.answers(),
                    (System.nanoTime() - started) / 1_000_000_000, op.id());
        }
    }

    private Api.Response exchange(Request r) {
        return api.exchange(r.method(), r.path(), r.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(r.body()), r.headers());
    }

    /**
     * An odd value was accepted and stored: read it back (GET of the same path, GET of the new object)
     * and price a purchase (the operations whose summary says they write nothing: quote, simulate),
     * so that a value that breaks its readers is found where it got in.
     */
    private void followUps(Operation op, String mutation, Request r, Api.Response answer) {
        String path = r.path().replaceFirst("\\?.*", "");
        List<Request> probes = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (Operation other : doc.operations()) {
            if (other.method().equals("GET") && matches(other.path(), path)) {
                probes.add(requests.request(other, keys.key(other), null, Map.of(), Map.of("=", path)));
                labels.add("GET " + other.path());
            } else if (other.method().equals("GET") && answer.json().path("id").isString()
                    && matches(other.path(), path + "/" + answer.text("id"))) {
                probes.add(requests.request(other, keys.key(other), null, Map.of(),
                        Map.of("=", path + "/" + answer.text("id"))));
                labels.add("GET " + other.path());
            } else if (other.summary().toLowerCase().contains("writes nothing") && !other.id().equals(op.id())) {
                probes.add(requests.valid(other, keys.key(other)));
                labels.add(other.id());
            }
        }
        for (int i = 0; i < probes.size(); i++) {
            judged(op, mutation + ", then the valid " + labels.get(i), null, probes.get(i));
        }
    }

    /** Does the concrete path fit the template ("/api/v1/rules/{id}" and "/api/v1/rules/0193...")? */
    private static boolean matches(String template, String path) {
        return path.matches(Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q"));
    }

    /**
     * No case depends on another: a replaced object (PUT) gets its valid body back, and an object
     * a 2xx created is deleted where the document has a DELETE for it (an accepted odd rule would
     * otherwise price every later purchase).
     */
    void restore(Operation op, Request r, Api.Response answer) {
        String path = r.path().replaceFirst("\\?.*", "");
        if (op.method().equals("PUT")) {
            api.send("PUT", adminKey, path, requests.validBody(op).toString(), Map.of());
            baseline.markStale();
        } else if (op.method().equals("POST") && answer.json().path("id").isString()) {
            String created = path + "/" + answer.text("id");
            boolean deletable = doc.operations().stream()
                    .anyMatch(o -> o.method().equals("DELETE") && matches(o.path(), created));
            if (deletable && !keys.isTenantCreation(op)) {
                api.delete(adminKey, created);
                baseline.markStale();
            }
        }
    }
}
