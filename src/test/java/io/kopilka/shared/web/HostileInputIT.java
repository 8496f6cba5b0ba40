package io.kopilka.shared.web;

import static io.kopilka.testing.ProblemAssert.assertInvalid;
import static io.kopilka.testing.ProblemAssert.assertProblem;
import static io.kopilka.testing.ProblemAssert.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import io.kopilka.testing.RawHttp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a hostile or careless client sends, found by probing the service (issue 9): each case once
 * answered 500, an HTML page, a silently different value, or committed a write and then failed.
 * Every answer here must be problem+json with a code, and an error must write nothing.
 */
class HostileInputIT extends IntegrationTest {

    private long balance(TestTenant t, String member) {
        return api.get(t.adminKey(), "/api/v1/members/" + member + "/balance").json().path("available").asLong();
    }

    private Api.Response send(TestTenant t, String method, String path, String body, Map<String, String> headers) {
        return api.send(method, t.adminKey(), path, body, headers);
    }

    private static Map<String, Object> purchase(String externalId, String member, String quantity) {
        return json("externalId", externalId, "storeCode", "main", "member", Map.of("id", member),
                "items", List.of(Map.of("sku", "HAIRCUT", "quantity", quantity, "unitPrice", "5000.00")));
    }

    private void store(TestTenant t) {
        assertThat(api.post(t.adminKey(), "/api/v1/stores", Map.of("code", "main", "name", "Main")).status())
                .isEqualTo(201);
    }

    // Defect 1: content negotiation fails before anything runs.

    @Test
    void anAcceptHeaderWithoutJsonIsRefusedBeforeTheWrite() {
        TestTenant t = newTenant();
        String member = newMember(t);
        Map<String, String> xml = Map.of("Accept", "application/xml");
        assertProblem(send(t, "POST", "/api/v1/members/" + member + "/adjustments",
                "{\"points\": 100, \"reason\": \"gift\"}", xml), 406, "not_acceptable");
        assertProblem(send(t, "POST", "/api/v1/members", "{\"phone\": \"" + randomPhone() + "\"}", xml), 406,
                "not_acceptable");
        assertProblem(send(t, "POST", "/api/v1/members/" + member + "/card/reissue", "{}", xml), 406, "not_acceptable");
        assertThat(balance(t, member)).isZero();
        assertThat(memberRows(t)).isEqualTo(1);
        String card = api.get(t.adminKey(), "/api/v1/members/" + member).text("cardNumber");
        assertThat(api.get(t.adminKey(), "/api/v1/members?card=" + card).status()).isEqualTo(200);
    }

    /** Found in review: Spring's JSON writer refuses a charset other than UTF-8, after the write. */
    @Test
    void anAcceptedJsonInAnotherCharsetIsRefusedBeforeTheWriteToo() {
        TestTenant t = newTenant();
        for (String accept : List.of("application/json;charset=ISO-8859-1", "application/json;charset=no-such")) {
            assertProblem(send(t, "POST", "/api/v1/members", "{\"phone\": \"" + randomPhone() + "\"}",
                    Map.of("Accept", accept)), 406, "not_acceptable");
        }
        assertThat(memberRows(t)).isZero();
        assertThat(send(t, "POST", "/api/v1/members", "{\"phone\": \"" + randomPhone() + "\"}",
                Map.of("Accept", "application/json;charset=UTF-8")).status()).isEqualTo(201);
    }

    /**
     * Found in review: Spring MVC decodes {@code %6D} to {@code m} and served a pos key the whole
     * member list at {@code /api/v1/%6Dembers}, past the checks on the raw path.
     */
    @Test
    void aPathThatEscapesPlainLettersIsRefused() {
        TestTenant t = newTenant();
        String pos = newKey(t, "pos");
        for (String path : List.of("/api/v1/%6Dembers", "/%61pi/v1/members", "/api/v1/members%2Dx", "/api/v%31/stores")) {
            assertProblem(api.get(pos, path), 400, "non_canonical_path");
        }
        assertProblem(send(t, "POST", "/%61pi/v1/members", "{\"phone\": \"" + randomPhone() + "\"}",
                Map.of("Accept", "application/xml")), 400, "non_canonical_path");
        assertThat(memberRows(t)).isZero();
        assertProblem(api.get(pos, "/api/v1/members"), 403, "forbidden");
    }

    @Test
    void acceptHeadersThatAllowJsonAreServed() {
        TestTenant t = newTenant();
        for (String accept : List.of("*/*", "application/*", "application/json",
                "application/xml;q=0.9, application/json;q=0.1", "application/problem+json, text/html")) {
            Api.Response r = send(t, "POST", "/api/v1/members", "{\"phone\": \"" + randomPhone() + "\"}",
                    Map.of("Accept", accept));
            assertThat(r.status()).as(accept + " -> " + r).isEqualTo(201);
        }
    }

    // Defect 4: NUL and lone surrogates are refused in one place, with the field named.

    @Test
    void nulAndLoneSurrogatesInTextAreRefusedWithTheFieldNamed() {
        TestTenant t = newTenant();
        store(t);
        String member = newMember(t);
        assertInvalid(api.post(t.adminKey(), "/api/v1/members",
                Map.of("phone", randomPhone(), "name", "Ai\u0000gerim")), "name");
        assertInvalid(api.post(t.adminKey(), "/api/v1/members",
                Map.of("phone", randomPhone(), "attributes", Map.of("kids", List.of("a", "b\u0000")))), "attributes.kids[1]");
        assertInvalid(api.post(t.adminKey(), "/api/v1/members",
                Map.of("phone", randomPhone(), "attributes", Map.of("fav\u0000", 1))), "attributes");
        assertInvalid(send(t, "POST", "/api/v1/members",
                "{\"phone\": \"" + randomPhone() + "\", \"name\": \"broken \\ud800 half\"}", Map.of()), "name");
        assertInvalid(api.post(t.adminKey(), "/api/v1/purchases/quote", purchase("q\u0000", member, "1")), "externalId");
        assertInvalid(api.post(t.adminKey(), "/api/v1/purchases", purchase("p\u0000", member, "1")), "externalId");
        Api.Response query = api.get(t.adminKey(), "/api/v1/members?phone=%00");
        assertThat(query.status()).as(query.toString()).isIn(400, 422);
        assertThat(query.contentType()).startsWith("application/problem+json");
        assertThat(memberRows(t)).isEqualTo(1);
        // A correct surrogate pair (an emoji) is text like any other.
        Api.Response emoji = api.post(t.adminKey(), "/api/v1/members", Map.of("phone", randomPhone(), "name", "Ай 💈"));
        assertThat(emoji.status()).as(emoji.toString()).isEqualTo(201);
        assertThat(emoji.text("name")).isEqualTo("Ай 💈");
    }

    // Defects 3 and 7: decimals are bounded in scale and size where they are read.

    @Test
    void decimalsWithAbsurdScaleOrSizeAreRefusedWithTheFieldNamed() {
        TestTenant t = newTenant();
        store(t);
        String member = newMember(t);
        assertInvalid(api.put(t.adminKey(), "/api/v1/program", Map.of("maxRedeemShare", "1E-999999999")),
                "maxRedeemShare");
        assertInvalid(send(t, "PUT", "/api/v1/program", "{\"maxRedeemShare\": 1E-10000000}", Map.of()),
                "maxRedeemShare");
        assertInvalid(api.put(t.adminKey(), "/api/v1/program",
                Map.of("referral", Map.of("qualifyingSpend", "1E+999999999"))), "referral.qualifyingSpend");
        assertInvalid(api.post(t.adminKey(), "/api/v1/purchases", purchase("big", member, "1E+999999999")),
                "items[0].quantity");
        assertInvalid(send(t, "POST", "/api/v1/members",
                "{\"phone\": \"" + randomPhone() + "\", \"attributes\": {\"x\": 1e999999999}}", Map.of()), "attributes.x");
        assertThat(memberRows(t)).isEqualTo(1);
        // The program is untouched, so a redeeming quote prices as before.
        Api.Response quote = api.post(t.adminKey(), "/api/v1/purchases/quote", purchase("q", member, "1"));
        assertThat(quote.status()).as(quote.toString()).isEqualTo(200);
        Api.Response bought = api.post(t.adminKey(), "/api/v1/purchases", purchase("p1", member, "1"));
        assertThat(bought.status()).as(bought.toString()).isEqualTo(201);
        Api.Response back = api.post(t.adminKey(), "/api/v1/purchases/" + bought.text("id") + "/returns",
                Map.of("externalId", "r1", "items", List.of(Map.of("sku", "HAIRCUT", "quantity", "1E+999999999"))));
        assertInvalid(back, "items[0].quantity");
        Api.Response huge = api.post(t.adminKey(), "/api/v1/purchases/" + bought.text("id") + "/returns",
                Map.of("externalId", "r2", "items", List.of(Map.of("sku", "HAIRCUT", "quantity", "5000000"))));
        assertInvalid(huge, "items[0].quantity");
    }

    // Defect 10: duplicate keys are refused, not "the last one wins".

    @Test
    void duplicateJsonKeysAreRefused() {
        TestTenant t = newTenant();
        String member = newMember(t);
        api.post(t.adminKey(), "/api/v1/members/" + member + "/adjustments", Map.of("points", 500, "reason", "start"));
        Api.Response r = assertProblem(send(t, "POST", "/api/v1/members/" + member + "/adjustments",
                "{\"points\": 1, \"reason\": \"gift\", \"points\": -400}", Map.of()), 400, "malformed_request");
        assertThat(r.text("detail")).contains("points");
        assertThat(balance(t, member)).isEqualTo(500);
    }

    // Defects 14 and 15: wrong types are refused, with the field and what was expected in plain words.

    @Test
    void wrongTypesAreRefusedNotCoercedAndTheAnswerNamesTheField() {
        TestTenant t = newTenant();
        String member = newMember(t);
        record Case(String path, String method, String body, String field) {
        }
        List<Case> cases = List.of(
                new Case("/api/v1/members", "POST", "{\"phone\": 77011234567}", "phone"),
                new Case("/api/v1/members", "POST", "{\"phone\": \"" + randomPhone() + "\", \"name\": 1e308}", "name"),
                new Case("/api/v1/members", "POST", "{\"phone\": \"" + randomPhone() + "\", \"name\": true}", "name"),
                new Case("/api/v1/members", "POST", "{\"phone\": \"" + randomPhone() + "\", \"birthDate\": 1e308}",
                        "birthDate"),
                new Case("/api/v1/members", "POST", "{\"phone\": \"" + randomPhone() + "\", \"birthDate\": \"\"}",
                        "birthDate"),
                new Case("/api/v1/members", "POST",
                        "{\"phone\": \"" + randomPhone() + "\", \"consents\": {\"sms\": 1e300}}", "consents.sms"),
                new Case("/api/v1/members", "POST",
                        "{\"phone\": \"" + randomPhone() + "\", \"consents\": {\"sms\": \"yes\"}}", "consents.sms"),
                new Case("/api/v1/program", "PUT", "{\"welcomePoints\": \"\"}", "welcomePoints"),
                new Case("/api/v1/program", "PUT", "{\"welcomePoints\": true}", "welcomePoints"),
                new Case("/api/v1/program", "PUT", "{\"maxRedeemShare\": \"\"}", "maxRedeemShare"),
                new Case("/api/v1/program", "PUT", "{\"maxRedeemShare\": \"lots\"}", "maxRedeemShare"),
                new Case("/api/v1/purchases", "POST", "{\"externalId\": \"x\", \"storeCode\": \"main\", "
                        + "\"occurredAt\": 1e308, \"items\": [{\"sku\": \"A\", \"quantity\": 1, \"unitPrice\": 1}]}",
                        "occurredAt"),
                new Case("/api/v1/purchases", "POST", "{\"externalId\": \"x\", \"storeCode\": \"main\", "
                        + "\"items\": [{\"sku\": \"A\", \"quantity\": \"one\", \"unitPrice\": 1}]}", "items[0].quantity"),
                new Case("/api/v1/members/" + member + "/adjustments", "POST",
                        "{\"points\": \"many\", \"reason\": \"x\"}", "points"),
                // java.time readers took a number as seconds since 1970, whatever the coercion settings.
                new Case("/api/v1/rules", "POST", "{\"name\": \"x\", \"kind\": \"points_fixed\", \"points\": 1, "
                        + "\"validFrom\": 123}", "validFrom"),
                new Case("/api/v1/members", "POST", "{\"phone\": \"" + randomPhone() + "\", \"birthDate\": 19900402}",
                        "birthDate"));
        for (Case c : cases) {
            Api.Response r = send(t, c.method(), c.path(), c.body(), Map.of());
            assertThat(r.status()).as(c + " -> " + r).isIn(400, 422);
            assertThat(r.contentType()).as(c.toString()).startsWith("application/problem+json");
            assertThat(errorFields(r)).as(c + " -> " + r).contains(c.field());
            assertThat(r.body()).as(c.toString())
                    .doesNotContain("java.", "tools.jackson", "io.kopilka", "`", "public ");
        }
        assertThat(memberRows(t)).isEqualTo(1);
        assertThat(api.get(t.adminKey(), "/api/v1/program").json().path("welcomePoints").asLong()).isZero();
        // Money may still be sent as a JSON string or a JSON number, as the contract says.
        assertThat(api.put(t.adminKey(), "/api/v1/program", Map.of("maxRedeemShare", "0.50")).status()).isEqualTo(200);
        assertThat(send(t, "PUT", "/api/v1/program", "{\"maxRedeemShare\": 0.4}", Map.of()).status()).isEqualTo(200);
    }

    @Test
    void queriesThatAreNotUtf8AndFormBodiesAreRefusedWithoutA500() throws Exception {
        TestTenant t = newTenant();
        String pos = newKey(t, "pos");
        for (String path : List.of("/api/v1/stores?cursor=%FF", "/api/v1/rules?cursor=%ED%A0%80",
                "/api/v1/members?phone=%FF", "/api/v1/api-keys?limit=%C0%AF")) {
            assertProblem(api.get(t.adminKey(), path), 400, "invalid_parameter");
        }
        RawHttp.Answer broken = new RawHttp(port).send("GET /api/v1/members?card=% HTTP/1.1",
                Map.of("Authorization", "Bearer " + t.adminKey()), null);
        assertThat(broken.status()).as(broken.toString()).isEqualTo(400);
        assertThat(broken.body()).contains("invalid_parameter");
        assertProblem(api.get(pos, "/api/v1/members?phone=%FF"), 400, "invalid_parameter");
        for (String method : List.of("POST", "PUT")) {
            String path = method.equals("POST") ? "/api/v1/rules" : "/api/v1/program";
            assertProblem(send(t, method, path, "name=x%&kind=points_fixed",
                    Map.of("Content-Type", "application/x-www-form-urlencoded")), 415, "unsupported_media_type");
        }
        assertThat(api.get(t.adminKey(), "/api/v1/rules").json().path("items").size()).isZero();
    }

    @Test
    void aRulesCodesAreNoLongerThanAPurchaseMaySendThem() {
        TestTenant t = newTenant();
        assertInvalid(api.post(t.adminKey(), "/api/v1/rules", Map.of("name", "x", "kind", "points_fixed", "points", 1,
                "stores", List.of("a".repeat(101)))), "stores");
        assertInvalid(api.post(t.adminKey(), "/api/v1/rules", Map.of("name", "x", "kind", "points_fixed", "points", 1,
                "itemFilter", Map.of("skus", List.of("s".repeat(100_000))))), "itemFilter.skus");
        assertThat(api.get(t.adminKey(), "/api/v1/rules").json().path("items").size()).isZero();
    }

    @Test
    void theSmallestLongIsNoAdjustment() {
        TestTenant t = newTenant();
        String member = newMember(t);
        assertInvalid(send(t, "POST", "/api/v1/members/" + member + "/adjustments",
                "{\"points\": " + Long.MIN_VALUE + ", \"reason\": \"x\"}", Map.of()), "points");
        assertThat(balance(t, member)).isZero();
    }

    @Test
    void theErrorPageIsNoEndpoint() {
        assertProblem(api.get(null, "/error"), 404, "not_found");
        assertThat(api.get(null, "/v3/api-docs").json().path("paths").has("/error")).isFalse();
    }

    @Test
    void aMissingBodyDoesNotNameTheControllerMethod() {
        TestTenant t = newTenant();
        Api.Response r = assertProblem(api.exchange("POST", "/api/v1/members",
                java.net.http.HttpRequest.BodyPublishers.noBody(),
                Map.of("Authorization", "Bearer " + t.adminKey(), "Content-Type", "application/json")),
                400, "malformed_request");
        assertThat(r.body()).doesNotContain("java.", "io.kopilka", "public ", "ResponseEntity");
    }

    // Defect 13: errors from the servlet container are problem+json too.

    @Test
    void theContainersOwnErrorsAreProblemJson() throws Exception {
        record Raw(String line, Map<String, String> headers) {
        }
        List<Raw> requests = List.of(
                new Raw("TRACE /api/v1/members HTTP/1.1", Map.of()),
                new Raw("GET /api/v1/members/%00 HTTP/1.1", Map.of()),
                new Raw("GET /api/v1/members/a%2Fb HTTP/1.1", Map.of()),
                new Raw("GET /api/v1/members/{id} HTTP/1.1", Map.of()),
                new Raw("GET /api/v1/members HTTP/1.1", Map.of("X-Big", "a".repeat(9 * 1024))),
                new Raw("GET /api/v1/members/%zz HTTP/1.1", Map.of()));
        RawHttp raw = new RawHttp(port);
        for (Raw request : requests) {
            RawHttp.Answer a = raw.send(request.line(), request.headers(), null);
            String what = request.line();
            assertThat(a.status()).as(what + " -> " + a).isBetween(400, 499);
            assertThat(a.contentType()).as(what + " -> " + a).startsWith("application/problem+json");
            assertThat(a.body()).as(what).contains("\"code\"").doesNotContain("<html", "Tomcat", "/error");
            assertThat(tools.jackson.databind.json.JsonMapper.shared().readTree(a.body()).path("code").asString())
                    .as(what + " -> " + a).isEqualTo(a.status() == 405 ? "method_not_allowed" : "bad_request");
        }
    }
}
