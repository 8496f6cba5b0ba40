package io.kopilka.shared.web;

import static io.kopilka.testing.ProblemAssert.assertInvalid;
import static io.kopilka.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every refusal is RFC 9457 problem+json with a machine-readable code, and writes nothing. */
class ProblemDetailsIT extends IntegrationTest {
    private static final int MIB = 1024 * 1024;

    /** A valid member request padded with JSON whitespace to exactly {@code size} bytes. */
    private static byte[] memberBodyOfSize(String phone, int size) {
        String head = "{\"phone\":\"" + phone + "\"";
        String padding = " ".repeat(size - head.length() - 1);
        byte[] body = (head + padding + "}").getBytes(StandardCharsets.UTF_8);
        assertThat(body).hasSize(size);
        return body;
    }

    private Map<String, String> jsonHeaders(TestTenant t) {
        return Map.of("Authorization", "Bearer " + t.adminKey(), "Content-Type", "application/json");
    }

    private Api.Response postWithLength(TestTenant t, byte[] body) {
        return api.exchange("POST", "/api/v1/members", HttpRequest.BodyPublishers.ofByteArray(body), jsonHeaders(t));
    }

    private Api.Response postChunked(TestTenant t, byte[] body) {
        return api.exchange("POST", "/api/v1/members",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)), jsonHeaders(t));
    }

    @Test
    void malformedJsonIsABadRequest() {
        TestTenant t = newTenant();
        for (String body : new String[] {"{\"phone\": ", "not json", "{\"phone\": \"+77011234567\",}", "[1, 2"}) {
            Api.Response r = assertProblem(api.post(t.adminKey(), "/api/v1/members", body), 400, "malformed_request");
            assertThat(r.text("detail")).isNotBlank();
        }
        Api.Response empty = api.exchange("POST", "/api/v1/members", HttpRequest.BodyPublishers.noBody(),
                jsonHeaders(t));
        assertProblem(empty, 400, "malformed_request");
        assertThat(memberRows(t)).isZero();
    }

    @Test
    void wrongJsonTypesAreRefusedWithoutA500() {
        TestTenant t = newTenant();
        String[] bodies = {
                "{\"phone\": [\"+77011234567\"]}",
                "{\"phone\": {\"number\": 1}}",
                "{\"phone\": \"+77011234567\", \"consents\": \"yes\"}",
                "{\"phone\": \"+77011234567\", \"attributes\": [1, 2]}",
                "[]",
                "\"just a string\""};
        for (String body : bodies) {
            Api.Response r = api.post(t.adminKey(), "/api/v1/members", body);
            assertThat(r.status()).as(body + " -> " + r).isIn(400, 422);
            assertThat(r.contentType()).as(body).startsWith("application/problem+json");
            assertThat(r.code()).as(body).isIn("malformed_request", "validation_failed");
        }
        assertProblem(api.patch(t.adminKey(), "/api/v1/members/" + newMember(t), "[\"name\"]"), 400,
                "malformed_request");
        assertThat(memberRows(t)).isEqualTo(1);
    }

    @Test
    void validationFailureNamesTheFields() {
        TestTenant t = newTenant();
        Api.Response bean = assertInvalid(api.post(t.adminKey(), "/api/v1/stores", Map.of("code", " ")), "code");
        assertThat(bean.json().path("errors").get(0).path("message").asString()).isNotBlank();
        assertInvalid(api.post(t.adminKey(), "/api/v1/members", Map.of("phone", "nope", "email", "nope")),
                "phone", "email");
    }

    @Test
    void bodyOverOneMibWithContentLengthIsRefusedWith413() {
        TestTenant t = newTenant();
        Api.Response r = postWithLength(t, memberBodyOfSize(randomPhone(), MIB + 1));
        assertProblem(r, 413, "payload_too_large");
        assertThat(memberRows(t)).isZero();
    }

    @Test
    void bodyOfExactlyOneMibIsAccepted() {
        TestTenant t = newTenant();
        Api.Response r = postWithLength(t, memberBodyOfSize(randomPhone(), MIB));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(memberRows(t)).isEqualTo(1);
    }

    @Test
    void oversizedBodyIsRefusedBeforeTheKeyIsChecked() {
        // Nothing reads a huge body, not even to find out that the caller may not send it.
        Api.Response r = api.exchange("POST", "/api/v1/members",
                HttpRequest.BodyPublishers.ofByteArray(memberBodyOfSize(randomPhone(), MIB + 100)),
                Map.of("Content-Type", "application/json"));
        assertProblem(r, 413, "payload_too_large");
    }

    @Test
    void chunkedBodyOverOneMibIsRefusedWith413() {
        TestTenant t = newTenant();
        Api.Response r = postChunked(t, memberBodyOfSize(randomPhone(), MIB + 1));
        assertProblem(r, 413, "payload_too_large");
        assertThat(memberRows(t)).isZero();
    }

    @Test
    void chunkedBodyOfExactlyOneMibIsAccepted() {
        TestTenant t = newTenant();
        Api.Response r = postChunked(t, memberBodyOfSize(randomPhone(), MIB));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    @Test
    void unknownMemberIsNotFound() {
        TestTenant t = newTenant();
        Api.Response r = assertProblem(api.get(t.adminKey(), "/api/v1/members/01936f2e-0000-7000-8000-000000000000"),
                404, "not_found");
        assertThat(r.text("type")).startsWith("https://");
    }

    @Test
    void unknownPathUnderTheApiIsNotFoundForAValidKey() {
        TestTenant t = newTenant();
        assertProblem(api.get(t.adminKey(), "/api/v1/no-such-thing"), 404, "not_found");
    }

    @Test
    void wrongMethodAndMediaTypeHaveCodesToo() {
        TestTenant t = newTenant();
        assertProblem(api.send("PUT", t.adminKey(), "/api/v1/members", Map.of("phone", randomPhone()), Map.of()),
                405, "method_not_allowed");
        assertProblem(api.send("POST", t.adminKey(), "/api/v1/members", "phone=+77011234567",
                Map.of("Content-Type", "text/plain")), 415, "unsupported_media_type");
        assertThat(memberRows(t)).isZero();
        Api.Response r = api.send("GET", t.adminKey(), "/api/v1/members", null, Map.of("Accept", "text/csv"));
        assertThat(r.status()).as(r.toString()).isEqualTo(406);
    }

    @Test
    void problemsFromSecurityFollowTheSameShape() {
        Api.Response r = assertProblem(api.get(null, "/api/v1/members"), 401, "unauthorized");
        assertThat(r.text("title")).isNotBlank();
        assertThat(r.text("detail")).contains("Bearer");
    }
}
