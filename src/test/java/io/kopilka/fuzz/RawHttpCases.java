package io.kopilka.fuzz;

import io.kopilka.fuzz.OpenApiDoc.Operation;
import io.kopilka.fuzz.OpenApiDoc.Param;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a client library refuses to send, over a bare socket (RawHttp): TRACE, raw '%', '{', NUL or an
 * encoded slash in a path, headers and a query string past the container's 8 KB limit, control
 * characters in a header. Many are answered by the container (Tomcat) before the application sees
 * them: those answers must be clean errors too.
 */
final class RawHttpCases {
    private static final List<String> BAD_SEGMENTS =
            List.of("%00", "%2F", "{", "}", "%", "%zz", "..%2F..", "a%5Cb", "%C0%AF", "a;b=c", "%0d%0a");
    /** Past the container's default limit of 8 KB for the request head. */
    private static final String NINE_KB = "a".repeat(9 * 1024);

    private final RequestBuilder requests;
    private final OperationKeys keys;
    private final CaseRunner runner;

    RawHttpCases(RequestBuilder requests, OperationKeys keys, CaseRunner runner) {
        this.requests = requests;
        this.keys = keys;
        this.runner = runner;
    }

    void send(Operation op) {
        String key = keys.key(op);
        Request valid = requests.valid(op, key);
        Map<String, String> headers = new LinkedHashMap<>(valid.headers());
        runner.runRaw(op, "raw: TRACE", "TRACE answered 2xx", new Request("TRACE", valid.path(), headers, null));
        if (op.in("path").isEmpty()) {
            for (String s : List.of("%00", "%2F", "{")) {
                runner.runRaw(op, "raw: path + \"/" + s + "\"", null,
                        new Request(valid.method(), op.path() + "/" + s, headers, valid.body()));
            }
        }
        for (Param p : op.in("path")) {
            for (String s : BAD_SEGMENTS) {
                Request r = requests.request(op, key,
                        valid.body() == null ? null : new String(valid.body(), StandardCharsets.UTF_8),
                        Map.of(), Map.of(p.name(), s));
                runner.runRaw(op, "raw: path " + p.name() + " = " + s, "an unknown id answered 2xx", r);
            }
        }
        runner.runRaw(op, "raw: a 9 KB header", null, requests.valid(op, key).with("X-Fuzz-Padding", NINE_KB));
        runner.runRaw(op, "raw: a 9 KB Authorization header", op.open() ? null : "answered 2xx without a valid key",
                requests.valid(op, key).with("Authorization", "Bearer " + "k".repeat(9 * 1024)));
        runner.runRaw(op, "raw: control characters in a header", null,
                requests.valid(op, key).with("X-Fuzz", "a\u0001b\u007fc"));
        Request longQuery = requests.valid(op, key);
        runner.runRaw(op, "raw: a 9 KB query string", null, new Request(longQuery.method(),
                longQuery.path() + (longQuery.path().contains("?") ? "&" : "?") + "q=" + NINE_KB,
                longQuery.headers(), longQuery.body()));
    }
}
