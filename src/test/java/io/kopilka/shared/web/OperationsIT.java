package io.kopilka.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What operators and integrators use without a key: health, metrics, the API document and its UI. */
class OperationsIT extends IntegrationTest {

    @Test
    void healthIsUpWithTheDatabase() {
        Api.Response r = api.get(null, "/actuator/health");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.text("status")).isEqualTo("UP");
        JsonNode db = r.json().path("components").path("db");
        assertThat(db.isMissingNode()).as(r.toString()).isFalse();
        assertThat(db.path("status").asString()).isEqualTo("UP");
    }

    @Test
    void readinessIncludesTheDatabase() {
        Api.Response r = api.get(null, "/actuator/health/readiness");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.text("status")).isEqualTo("UP");
        assertThat(r.json().path("components").has("db")).as(r.toString()).isTrue();
    }

    @Test
    void prometheusServesTextMetrics() {
        api.get(null, "/actuator/health"); // at least one request has been timed
        Api.Response r = api.get(null, "/actuator/prometheus");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/plain");
        assertThat(r.body()).contains("# TYPE ").contains("jvm_memory_used_bytes").contains("hikaricp_connections");
    }

    @Test
    void openApiDocumentListsTheContractPaths() {
        Api.Response r = api.get(null, "/v3/api-docs");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text("openapi")).startsWith("3.");
        JsonNode paths = r.json().path("paths");
        assertThat(paths.has("/api/v1/members")).as("paths: %s", paths.propertyNames()).isTrue();
        assertThat(paths.has("/api/v1/tenants")).isTrue();
        assertThat(paths.has("/api/v1/members/{id}")).isTrue();
        assertThat(paths.has("/api/v1/members/{id}/card/reissue")).isTrue();
        assertThat(paths.has("/api/v1/api-keys")).isTrue();
        assertThat(paths.has("/api/v1/stores")).isTrue();
        assertThat(paths.path("/api/v1/members").has("post")).isTrue();
        assertThat(paths.path("/api/v1/members").has("get")).isTrue();
        assertThat(r.json().path("components").path("securitySchemes").has("apiKey")).isTrue();
    }

    @Test
    void swaggerUiIsServed() {
        Api.Response r = api.get(null, "/swagger-ui.html");
        assertThat(r.status()).as(r.toString()).isIn(200, 302);
        if (r.status() == 302) {
            String location = r.header("Location");
            assertThat(location).contains("swagger-ui");
            String path = location.replaceFirst("^https?://[^/]+", "");
            Api.Response page = api.get(null, path);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            assertThat(page.body()).containsIgnoringCase("swagger");
        } else {
            assertThat(r.body()).containsIgnoringCase("swagger");
        }
    }
}
