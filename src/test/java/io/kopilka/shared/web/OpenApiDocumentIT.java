package io.kopilka.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The served {@code /v3/api-docs} is the contract integrators generate clients from, so a change
 * to it is a change of {@code docs/openapi.json} in the same commit, where a reviewer sees it. The
 * build lints that file and compiles a client generated from it ({@code .ci/openapi-check}), which
 * is only a check of the served document because this test holds the two equal.
 *
 * <p>After an intended change: {@code -Dkopilka.openapi.write=true} rewrites the file from the
 * served document (see docs/openapi.md).
 */
class OpenApiDocumentIT extends IntegrationTest {
    static final Path COMMITTED = Path.of("docs/openapi.json");
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Test
    void theServedDocumentIsTheCommittedOne() throws IOException {
        Api.Response served = api.get(null, "/v3/api-docs");
        assertThat(served.status()).as(served.toString()).isEqualTo(200);
        String text = JSON.writeValueAsString(served.json()) + "\n";
        if (Boolean.getBoolean("kopilka.openapi.write")) {
            Files.writeString(COMMITTED, text, StandardCharsets.UTF_8);
            return;
        }
        assertThat(Files.exists(COMMITTED)).as(COMMITTED + " is missing; " + HOW_TO_REFRESH).isTrue();
        JsonNode committed = JSON.readTree(Files.readString(COMMITTED, StandardCharsets.UTF_8));
        if (!committed.equals(served.json())) {
            throw new AssertionError("The served /v3/api-docs differs from " + COMMITTED + " at "
                    + firstDifference(committed, served.json(), "") + ". If the change is intended, "
                    + HOW_TO_REFRESH + " and commit the file with the change.");
        }
    }

    /**
     * An {@code @ApiResponse} given content for its examples loses the schema springdoc would take
     * from the method, silently: a generated client then answers {@code void}.
     */
    @Test
    void everyAnswerWithABodyNamesItsSchema() {
        JsonNode paths = api.get(null, "/v3/api-docs").json().path("paths");
        List<String> without = new java.util.ArrayList<>();
        for (var path : paths.properties()) {
            for (var operation : path.getValue().properties()) {
                for (var answer : operation.getValue().path("responses").properties()) {
                    if (!answer.getKey().equals("204")
                            && answer.getValue().path("content").findValue("schema") == null) {
                        without.add(operation.getKey() + " " + path.getKey() + " " + answer.getKey());
                    }
                }
            }
        }
        assertThat(without).as("answers without a schema").isEmpty();
    }

    private static final String HOW_TO_REFRESH = "rewrite it with ./mvnw verify -Dtest=NoSuchTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dit.test=OpenApiDocumentIT -Dkopilka.openapi.write=true";

    /** Where two documents part: a JSON pointer and both values there, shortened. */
    private static String firstDifference(JsonNode committed, JsonNode served, String pointer) {
        if (committed.isObject() && served.isObject()) {
            for (String name : union(committed, served)) {
                if (!committed.path(name).equals(served.path(name))) {
                    return firstDifference(committed.path(name), served.path(name),
                            pointer + "/" + name.replace("~", "~0").replace("/", "~1"));
                }
            }
        }
        if (committed.isArray() && served.isArray() && committed.size() == served.size()) {
            for (int i = 0; i < committed.size(); i++) {
                if (!committed.get(i).equals(served.get(i))) {
                    return firstDifference(committed.get(i), served.get(i), pointer + "/" + i);
                }
            }
        }
        return (pointer.isEmpty() ? "/" : pointer) + " (committed: " + shorten(committed) + ", served: "
                + shorten(served) + ")";
    }

    private static List<String> union(JsonNode a, JsonNode b) {
        List<String> names = new java.util.ArrayList<>(a.propertyNames());
        b.propertyNames().stream().filter(n -> !a.has(n)).forEach(names::add);
        return names;
    }

    private static String shorten(JsonNode node) {
        String text = node.isMissingNode() ? "absent" : node.toString();
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
