package io.kopilka.fuzz;

import static io.kopilka.testing.IntegrationTest.PLATFORM_KEY;

import io.kopilka.fuzz.OpenApiDoc.Operation;
import io.kopilka.testing.Api;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The key each operation is meant for, found by trying it (the document does not say): tenant A's
 * admin key, or the platform key where only that one is let in (tenant creation). A case that sends
 * another key is judged against this one; and which operations only an admin may call.
 */
final class OperationKeys {
    /** Operations only an admin key may call, from the contract (docs/api.md); a pos key's 2xx there is a violation. */
    private static final List<Pattern> ADMIN_ONLY = List.of(
            "\\w+ /api/v1/api-keys.*", "\\w+ /api/v1/program.*", "\\w+ /api/v1/rules.*", "\\w+ /api/v1/tiers.*",
            "POST /api/v1/stores", "PUT /api/v1/members/[^/]+/tier", "DELETE /api/v1/members/[^/]+",
            "(POST|PUT|DELETE) /api/v1/(rewards|challenges|causes).*",
            "\\w+ /api/v1/(webhooks|analytics|audit|staff|notifications|engagement|jobs|faq).*",
            "POST /api/v1/coupons/[^/]+/cancel").stream().map(Pattern::compile).toList();

    private final String adminKey;
    private final Map<String, String> keyOf = new LinkedHashMap<>();

    OperationKeys(String adminKey) {
        this.adminKey = adminKey;
    }

    static boolean adminOnly(Operation op) {
        String line = op.method() + " " + op.path().replaceAll("\\{[^}]+}", "x");
        return ADMIN_ONLY.stream().anyMatch(p -> p.matcher(line).matches());
    }

    String key(Operation op) {
        return keyOf.getOrDefault(op.id(), adminKey);
    }

    boolean isTenantCreation(Operation op) {
        return PLATFORM_KEY.equals(keyOf.get(op.id()));
    }

    /**
     * Sends the valid request with the admin key, and with the platform key where that is refused;
     * then once more with the key chosen, to note an operation whose valid body is refused (its body
     * mutations test less), and to put back what that one changed. The key is known only once all
     * of this is done.
     */
    void learn(Operation op, RequestBuilder requests, CaseRunner runner, List<String> notes) {
        keyOf.put(op.id(), probe(op, requests, runner, notes));
    }

    private String probe(Operation op, RequestBuilder requests, CaseRunner runner, List<String> notes) {
        Api.Response admin = runner.unjudged(requests.valid(op, adminKey));
        String key = adminKey;
        if (admin != null && (admin.status() == 401 || admin.status() == 403)) {
            Api.Response platform = runner.unjudged(requests.valid(op, PLATFORM_KEY));
            if (platform != null && platform.status() < 300) {
                key = PLATFORM_KEY;
            }
        }
        Request validReq = requests.valid(op, key);
        Api.Response check = runner.unjudged(validReq);
        if (check != null && check.status() >= 300) {
            notes.add("the valid-looking request for " + op.id() + " was refused (" + check.status() + " "
                    + Findings.clip(check.body()) + "): its body mutations test less");
        }
        if (check != null && check.status() < 300) {
            runner.restore(op, validReq, check);
        }
        return key;
    }
}
