package io.kopilka.shared.web;

import static io.kopilka.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What operators and integrators use: health and its probes without a key (status only), metrics and
 * info with the metrics token, the API document and its UI without a key.
 */
class OperationsIT extends IntegrationTest {

    private Api.Response withToken(String path) {
        return api.get(METRICS_TOKEN, path);
    }

    /**
     * Regression (defect 16): health showed every component to anyone, the disk-space check with the
     * data directory's path. Anonymous callers now get the status and nothing else.
     */
    @Test
    void healthAndItsProbesArePublicAndSayOnlyTheStatus() {
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            Api.Response r = api.get(null, path);
            assertThat(r.status()).as(path + " " + r).isEqualTo(200);
            assertThat(r.text("status")).isEqualTo("UP");
            // "groups" names the probe groups (liveness, readiness), nothing about the machine.
            assertThat(r.json().propertyNames()).as(path + " " + r).contains("status").isSubsetOf("status", "groups");
            assertThat(r.body()).doesNotContain("diskSpace").doesNotContain("it-data").doesNotContain("path");
        }
    }

    @Test
    void healthWithTheMetricsTokenShowsTheComponents() {
        Api.Response r = withToken("/actuator/health");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.text("status")).isEqualTo("UP");
        JsonNode db = r.json().path("components").path("db");
        assertThat(db.isMissingNode()).as(r.toString()).isFalse();
        assertThat(db.path("status").asString()).isEqualTo("UP");
        assertThat(r.json().path("components").has("diskSpace")).as(r.toString()).isTrue();
    }

    @Test
    void readinessIncludesTheDatabase() {
        Api.Response r = withToken("/actuator/health/readiness");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.text("status")).isEqualTo("UP");
        assertThat(r.json().path("components").has("db")).as(r.toString()).isTrue();
    }

    /**
     * Regression (defect 16): /actuator/prometheus answered anyone with every tenant's request counts.
     * Metrics, info, the endpoint list and single health components now need the metrics token; an API
     * key, even an admin's, is not one.
     */
    @Test
    void metricsAndInfoNeedTheMetricsToken() {
        TestTenant t = newTenant();
        List<String> closed = List.of("/actuator/prometheus", "/actuator/info", "/actuator",
                "/actuator/health/diskSpace", "/actuator/health/db");
        for (String path : closed) {
            assertProblem(api.get(null, path), 401, "unauthorized");
            assertProblem(api.get("not-the-token", path), 401, "unauthorized");
            assertProblem(api.get(METRICS_TOKEN + "x", path), 401, "unauthorized");
            assertProblem(api.get(t.adminKey(), path), 401, "unauthorized");
            assertProblem(api.get(PLATFORM_KEY, path), 401, "unauthorized");
        }
        assertThat(withToken("/actuator/info").status()).isEqualTo(200);
        assertThat(withToken("/actuator/health/diskSpace").status()).isEqualTo(200);
    }

    @Test
    void prometheusServesTextMetricsWithTheToken() {
        api.get(null, "/actuator/health"); // at least one request has been timed
        Api.Response r = withToken("/actuator/prometheus");
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

    /**
     * springdoc names a schema by its class's simple name, so two records called {@code Item} became
     * one schema: the return's items were documented with a purchase item's fields.
     */
    @Test
    void requestAndAnswerSchemasAreNotMergedByName() {
        JsonNode doc = api.get(null, "/v3/api-docs").json();
        JsonNode schemas = doc.path("components").path("schemas");
        String returnRef = doc.path("paths").path("/api/v1/purchases/{id}/returns").path("post").path("requestBody")
                .path("content").path("application/json").path("schema").path("$ref").asString();
        JsonNode returnOrder = schemas.path(returnRef.substring(returnRef.lastIndexOf('/') + 1));
        String itemRef = returnOrder.path("properties").path("items").path("items").path("$ref").asString();
        JsonNode item = schemas.path(itemRef.substring(itemRef.lastIndexOf('/') + 1));
        assertThat(item.path("properties").propertyNames()).containsExactlyInAnyOrder("sku", "quantity");
        assertThat(schemas.path("BalanceView").path("properties").has("value")).isTrue();
    }
}
