package io.kopilka.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Checks an error answer against the contract: RFC 9457 problem+json with a machine-readable code. */
public final class ProblemAssert {
    private ProblemAssert() {
    }

    public static Api.Response assertProblem(Api.Response r, int status, String code) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).as(r.toString()).startsWith("application/problem+json");
        assertThat(r.json().path("code").asString()).as(r.toString()).isEqualTo(code);
        assertThat(r.json().path("status").asInt()).as(r.toString()).isEqualTo(status);
        assertThat(r.json().path("type").asString()).as(r.toString()).isNotBlank();
        assertThat(r.json().path("title").asString()).as(r.toString()).isNotBlank();
        assertThat(r.json().has("detail")).as(r.toString()).isTrue();
        return r;
    }

    /** A 422 validation_failed whose errors name (at least) these fields. */
    public static Api.Response assertInvalid(Api.Response r, String... fields) {
        assertProblem(r, 422, "validation_failed");
        assertThat(errorFields(r)).as(r.toString()).contains(fields);
        for (JsonNode e : r.json().path("errors")) {
            assertThat(e.path("message").asString()).as(r.toString()).isNotBlank();
        }
        return r;
    }

    public static List<String> errorFields(Api.Response r) {
        List<String> fields = new ArrayList<>();
        r.json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
        return fields;
    }
}
