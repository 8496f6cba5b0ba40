package io.kopilka.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * docs/api.md is the contract integrators read, /v3/api-docs is what the service serves: this keeps
 * them from drifting apart. The page's convention (written at its top): a line that begins with
 * {@code `METHOD /path`} documents a served operation, one that begins with
 * {@code (planned) `METHOD /path`} one that is not served yet.
 */
class ApiDocumentIT extends IntegrationTest {
    static final Path PAGE = Path.of("docs/api.md");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final Pattern OPERATION =
            Pattern.compile("^(\\(planned\\) )?`(GET|PUT|POST|DELETE|PATCH) (/[^`\\s?]*)[^`]*`");

    record Documented(String operation, boolean planned, int line) {
    }

    @Test
    void everyServedOperationIsDocumentedAndNothingElseIs() throws IOException {
        Set<String> served = servedOperations();
        List<Documented> documented = documentedOperations(Files.readAllLines(PAGE));
        Map<Boolean, List<Documented>> byPlanned = documented.stream()
                .collect(Collectors.partitioningBy(Documented::planned));
        Set<String> documentedServed = operations(byPlanned.get(false));

        assertThat(minus(served, documentedServed)).as("served but without a line in " + PAGE).isEmpty();
        assertThat(minus(documentedServed, served)).as("documented in " + PAGE + " as served, but not served")
                .isEmpty();
        assertThat(byPlanned.get(true)).as("documented in " + PAGE + " as planned, but served: drop \"(planned)\"")
                .filteredOn(d -> served.contains(d.operation())).isEmpty();
        assertThat(repeated(byPlanned.get(false))).as("served operations documented more than once in " + PAGE)
                .isEmpty();
    }

    /** Guards the convention itself: a page the parser misreads would make the test above pass vacuously. */
    @Test
    void theConventionIsReadAsThePageDescribesIt() {
        List<Documented> read = documentedOperations(List.of(
                "`POST /api/v1/purchases` (admin, pos) records a purchase",
                "(planned) `GET /api/v1/audit?objectType=&since=` (admin)",
                "  `GET /api/v1/stores` mentioned inside a paragraph",
                "see `GET /api/v1/stores` in passing",
                "`/api/v1/rewards/**` is a path, not an operation"));

        assertThat(read).containsExactly(
                new Documented("POST /api/v1/purchases", false, 1),
                new Documented("GET /api/v1/audit", true, 2));
    }

    private Set<String> servedOperations() {
        Api.Response r = api.get(null, "/v3/api-docs");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        Set<String> served = new TreeSet<>();
        for (var path : r.json().path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (METHODS.contains(operation.getKey())) {
                    served.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }
        }
        assertThat(served).as("the served document lists no operations").isNotEmpty();
        return served;
    }

    static List<Documented> documentedOperations(List<String> lines) {
        List<Documented> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = OPERATION.matcher(lines.get(i));
            if (m.find()) {
                found.add(new Documented(m.group(2) + " " + m.group(3), m.group(1) != null, i + 1));
            }
        }
        return found;
    }

    private static Set<String> operations(Collection<Documented> documented) {
        return documented.stream().map(Documented::operation).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> minus(Set<String> these, Set<String> those) {
        Set<String> left = new TreeSet<>(these);
        left.removeAll(those);
        return left;
    }

    private static List<String> repeated(Collection<Documented> documented) {
        return documented.stream().collect(Collectors.groupingBy(Documented::operation, Collectors.counting()))
                .entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).sorted().toList();
    }
}
