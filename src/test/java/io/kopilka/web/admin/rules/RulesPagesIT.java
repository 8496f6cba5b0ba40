package io.kopilka.web.admin.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import io.kopilka.testing.Screens;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The rules pages over HTTP: each kind's form, errors at their fields, edit, archive, and the simulation. */
class RulesPagesIT extends IntegrationTest {
    private TestTenant tenant;
    private Screens owner;

    @BeforeEach
    void signIn() {
        tenant = newTenant();
        api.post(tenant.adminKey(), "/api/v1/stores", Map.of("code", "main", "name", "Main"));
        owner = Screens.signedIn(port, tenant.adminKey(), "owner", null);
    }

    private Map<String, String> newForm(String kind) {
        Screens.Page page = owner.get("/admin/rules/new?kind=" + kind);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return Forms.values(page.html(), "#rule-form");
    }

    private int liveRules() {
        return api.get(tenant.adminKey(), "/api/v1/rules?limit=100").json().path("items").size();
    }

    private String createdId(Screens.Page redirect) {
        assertThat(redirect.status()).as(redirect.toString()).isEqualTo(302);
        String location = redirect.location();
        assertThat(location).matches(".*/admin/rules/[0-9a-f-]{36}\\?saved");
        return location.substring(location.lastIndexOf('/') + 1, location.indexOf('?'));
    }

    private JsonNode rule(String id) {
        Api.Response r = api.get(tenant.adminKey(), "/api/v1/rules/" + id);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    @Test
    void everyKindIsCreatedThroughItsOwnFormAndTheApiShowsIt() {
        String reward = api.post(tenant.adminKey(), "/api/v1/rewards", Map.of("name", "Coffee", "kind", "gift"))
                .text("id");
        String cause = api.post(tenant.adminKey(), "/api/v1/causes", Map.of("name", "Trees", "unit",
                Map.of("ru", "дерево", "kk", "ағаш", "en", "tree"), "pointsPerUnit", 500)).text("id");
        Map<String, Map<String, String>> kinds = new LinkedHashMap<>();
        kinds.put("points_percent", Map.of("percent", "5"));
        kinds.put("points_fixed", Map.of("points", "100"));
        kinds.put("points_per_item", Map.of("points", "50", "categories", "shampoo, wax"));
        kinds.put("multiplier", Map.of("factor", "2", "days", "TUE", "hours.from", "10:00", "hours.to", "14:00"));
        kinds.put("discount_percent", Map.of("percent", "10", "skus", "HAIRCUT"));
        kinds.put("discount_by_spend", Map.of("step0.spend", "10 000", "step0.percent", "3", "step1.spend", "50000",
                "step1.percent", "5"));
        kinds.put("issue_coupon", Map.of("rewardId", reward));
        kinds.put("cause_contribution", Map.of("causeId", cause, "units", "2"));
        for (var kind : kinds.entrySet()) {
            Map<String, String> form = newForm(kind.getKey());
            Document page = owner.get("/admin/rules/new?kind=" + kind.getKey()).html();
            for (String field : kind.getValue().keySet()) {
                if (!field.equals("days")) {
                    assertThat(page.select("[name='" + field + "']")).as(kind.getKey() + " " + field).isNotEmpty();
                }
            }
            form.put("name", "Rule " + kind.getKey());
            form.putAll(kind.getValue());
            String id = createdId(owner.post("/admin/rules", form));
            JsonNode r = rule(id);
            assertThat(r.path("kind").asString()).isEqualTo(kind.getKey());
            assertThat(r.path("name").asString()).isEqualTo("Rule " + kind.getKey());
            switch (kind.getKey()) {
                case "points_percent" -> assertThat(r.path("percent").asString()).isEqualTo("5");
                case "points_fixed" -> assertThat(r.path("points").asLong()).isEqualTo(100);
                case "points_per_item" -> assertThat(r.path("itemFilter").path("categories").toString())
                        .isEqualTo("[\"shampoo\",\"wax\"]");
                case "multiplier" -> {
                    assertThat(r.path("factor").asString()).isEqualTo("2");
                    assertThat(r.path("daysOfWeek").toString()).isEqualTo("[\"TUE\"]");
                    assertThat(r.path("hours").path("from").asString()).isEqualTo("10:00");
                }
                case "discount_percent" -> assertThat(r.path("itemFilter").path("skus").toString())
                        .isEqualTo("[\"HAIRCUT\"]");
                case "discount_by_spend" -> {
                    assertThat(r.path("steps").size()).isEqualTo(2);
                    assertThat(r.path("steps").get(0).path("spend").asString()).isEqualTo("10000");
                }
                case "issue_coupon" -> assertThat(r.path("rewardId").asString()).isEqualTo(reward);
                default -> {
                    assertThat(r.path("causeId").asString()).isEqualTo(cause);
                    assertThat(r.path("units").asLong()).isEqualTo(2);
                }
            }
            // The rule's own page shows it as saved.
            Screens.Page edit = owner.get("/admin/rules/" + id + "?saved");
            assertThat(edit.status()).isEqualTo(200);
            assertThat(edit.html().select(".notice.ok")).hasSize(1);
            assertThat(edit.html().getElementById("name").attr("value")).isEqualTo("Rule " + kind.getKey());
        }
        Screens.Page list = owner.get("/admin/rules");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.html().select("tbody tr")).hasSize(kinds.size());
    }

    @Test
    void theKindPickerSwapsInThatKindsFieldsOnlyWithHtmxAndWithoutIt() {
        Screens.Page fragment = owner.hxGet("/admin/rules/new?kind=multiplier");
        assertThat(fragment.status()).isEqualTo(200);
        assertThat(fragment.html().getElementById("kind-fields")).isNotNull();
        assertThat(fragment.html().getElementById("factor")).isNotNull();
        assertThat(fragment.html().getElementById("percent")).isNull();
        assertThat(fragment.html().select("h1")).isEmpty();
        assertThat(fragment.html().selectFirst("input[name=kind]").attr("value")).isEqualTo("multiplier");

        assertThat(owner.get("/admin/rules/new").html().getElementById("percent")).isNotNull();
        assertThat(owner.get("/admin/rules/new?kind=nonsense").status()).isEqualTo(200);
        Screens.Page page = owner.get("/admin/rules/new?kind=discount_by_spend");
        assertThat(page.html().select("h1")).hasSize(1);
        assertThat(page.html().getElementById("step0-spend")).isNotNull();
        assertThat(page.html().getElementById("factor")).isNull();
    }

    @Test
    void aConditionThatDoesNotCompileIsShownAtItsLineAndColumnAndNothingIsWritten() {
        String condition = "purchase.total > 5000.0 &&\n  member.tier == \"gold\" &&& true";
        Api.Response apiAnswer = api.post(tenant.adminKey(), "/api/v1/rules", json("name", "x", "kind",
                "points_percent", "percent", "5", "condition", condition));
        assertThat(apiAnswer.status()).isEqualTo(422);
        int line = apiAnswer.json().path("line").asInt();
        int column = apiAnswer.json().path("column").asInt();
        assertThat(line).isEqualTo(2);

        Map<String, String> form = newForm("points_percent");
        form.put("name", "Gold big checks");
        form.put("percent", "7");
        form.put("condition", condition);
        Screens.Page refused = owner.post("/admin/rules", form);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        var error = refused.html().getElementById("condition-error");
        assertThat(error).isNotNull();
        assertThat(error.text()).contains("строка " + line + ", столбец " + column);
        assertThat(refused.html().getElementById("condition").attr("aria-invalid")).isEqualTo("true");
        assertThat(refused.html().getElementById("condition").attr("aria-describedby")).contains("condition-error");
        // The offending line, and a caret under the column.
        assertThat(error.selectFirst("pre.caret span").text()).isEqualTo("member.tier == \"gold\" &&& true");
        String caret = error.selectFirst("pre.caret .caret-mark").wholeText();
        assertThat(caret).endsWith("^").hasSize(column);
        assertThat(refused.html().getElementById("condition").wholeText()).isEqualTo(condition);
        assertThat(liveRules()).isZero();

        Screens.Page inPlace = owner.hxPost("/admin/rules", form);
        assertThat(inPlace.status()).isEqualTo(422);
        assertThat(inPlace.html().getElementById("rule-editor")).isNotNull();
        assertThat(inPlace.html().getElementById("condition-error")).isNotNull();
        assertThat(liveRules()).isZero();
    }

    @Test
    void badValuesAreShownAtTheirFieldsAndNothingIsWritten() {
        Map<String, String> form = newForm("points_percent");
        form.put("name", "");
        form.put("percent", "five");
        form.put("maxPointsPerPurchase", "-3");
        form.put("hours.from", "10:00");
        Screens.Page refused = owner.post("/admin/rules", form);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        for (String id : List.of("name", "percent", "maxPointsPerPurchase", "hours-from")) {
            assertThat(refused.html().getElementById(id + "-error")).as(id).isNotNull();
            assertThat(refused.html().getElementById(id).attr("aria-invalid")).as(id).isEqualTo("true");
        }
        assertThat(refused.html().getElementById("percent").attr("value")).isEqualTo("five");
        assertThat(refused.html().select(".notice.bad")).hasSize(1);
        assertThat(liveRules()).isZero();
    }

    @Test
    void editingReplacesTheRuleInPlaceAndWithoutJavaScript() {
        String id = api.post(tenant.adminKey(), "/api/v1/rules", json("name", "5% back", "kind", "points_percent",
                "percent", "5")).text("id");
        Map<String, String> form = Forms.values(owner.get("/admin/rules/" + id).html(), "#rule-form");
        assertThat(form.get("percent")).isEqualTo("5");
        form.put("percent", "7,5");
        form.put("name", "7.5% back");
        Screens.Page saved = owner.hxPost("/admin/rules/" + id, form);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.header("HX-Push-Url")).isEqualTo("/admin/rules/" + id);
        assertThat(saved.html().select(".notice.ok")).hasSize(1);
        assertThat(rule(id).path("percent").asString()).isEqualTo("7.5");

        form.remove("stackable");
        form.put("priority", "5");
        Screens.Page redirect = owner.post("/admin/rules/" + id, form);
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.location()).endsWith("/admin/rules/" + id + "?saved");
        assertThat(rule(id).path("stackable").asBoolean()).isFalse();
        assertThat(rule(id).path("priority").asInt()).isEqualTo(5);
        // The audit log names the staff member.
        JsonNode audit = api.get(tenant.adminKey(), "/api/v1/audit?objectType=rule&objectId=" + id).json();
        assertThat(audit.toString()).contains("\"type\":\"staff\"").contains("rule.updated");
    }

    @Test
    void archivingInPlaceMovesTheRuleToTheArchivedList() {
        String id = api.post(tenant.adminKey(), "/api/v1/rules", json("name", "Old promo", "kind", "points_fixed",
                "points", 10)).text("id");
        Screens.Page list = owner.get("/admin/rules");
        assertThat(list.text()).contains("Old promo");
        Screens.Page row = owner.hxPost("/admin/rules/" + id + "/archive", Map.of());
        assertThat(row.status()).as(row.toString()).isEqualTo(200);
        assertThat(row.body()).contains("archived-row").contains("Old promo");
        assertThat(api.get(tenant.adminKey(), "/api/v1/rules/" + id).status()).isEqualTo(404);
        Screens.Page archived = owner.get("/admin/rules?status=archived");
        assertThat(archived.html().select("tbody tr").text()).contains("Old promo");
        assertThat(owner.get("/admin/rules").html().select("tbody tr")).isEmpty();

        String other = api.post(tenant.adminKey(), "/api/v1/rules", json("name", "Another", "kind", "points_fixed",
                "points", 10)).text("id");
        owner.get("/admin/rules");
        Screens.Page redirect = owner.post("/admin/rules/" + other + "/archive", Map.of());
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(owner.follow(redirect).html().select(".notice.ok")).hasSize(1);
        assertThat(liveRules()).isZero();
    }

    @Test
    void theListIsPaged() {
        for (int i = 0; i < RulePages.PAGE + 3; i++) {
            api.post(tenant.adminKey(), "/api/v1/rules", json("name", "r" + i, "kind", "points_fixed", "points", 1,
                    "priority", 1000 - i));
        }
        Screens.Page first = owner.get("/admin/rules");
        assertThat(first.html().select("tbody tr")).hasSize(RulePages.PAGE);
        var next = first.html().selectFirst(".pager a[href*=after]");
        assertThat(next).isNotNull();
        Screens.Page second = owner.get(next.attr("href"));
        assertThat(second.html().select("tbody tr")).hasSize(3);
        assertThat(second.html().select("tbody tr").text()).contains("r22").doesNotContain("r0 ");
    }

    private void purchase(String member, String externalId, String price) {
        Api.Response r = api.post(tenant.adminKey(), "/api/v1/purchases", Map.of("externalId", externalId,
                "storeCode", "main", "member", Map.of("id", member),
                "items", List.of(Map.of("sku", "HAIRCUT", "quantity", 1, "unitPrice", price))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    @Test
    void theSimulationShowsTheTotalsTheApiGivesForTheSameRules() {
        Api.Response live = api.post(tenant.adminKey(), "/api/v1/rules", json("name", "5% back", "kind",
                "points_percent", "percent", "5"));
        String a = newMember(tenant);
        String b = newMember(tenant);
        purchase(a, "p1", "5000");
        purchase(a, "p2", "3000");
        purchase(b, "p3", "10000");

        // A new rule beside the live one.
        Map<String, String> form = newForm("points_fixed");
        form.put("name", "100 a visit");
        form.put("points", "100");
        form.put("lastPurchases", "100");
        Screens.Page shown = owner.hxPost("/admin/rules/simulate", form);
        assertThat(shown.status()).as(shown.toString()).isEqualTo(200);
        Api.Response expected = api.post(tenant.adminKey(), "/api/v1/rules/simulate", Map.of("rules",
                List.of(live.json(), json("name", "100 a visit", "kind", "points_fixed", "points", 100)),
                "lastPurchases", 100));
        assertThat(expected.status()).as(expected.toString()).isEqualTo(200);
        assertTotals(shown.html(), expected.json().path("totals"));
        assertThat(shown.html().select("#simulation table tbody tr")).hasSize(3);
        assertThat(liveRules()).isEqualTo(1);

        // The live rule edited: it stands in for its saved version. Without JavaScript, the whole page.
        String id = live.text("id");
        Map<String, String> edit = Forms.values(owner.get("/admin/rules/" + id).html(), "#rule-form");
        edit.put("percent", "10");
        edit.put("lastPurchases", "100");
        Screens.Page page = owner.post("/admin/rules/" + id + "/simulate", edit);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.html().select("h1")).hasSize(1);
        Api.Response replaced = api.post(tenant.adminKey(), "/api/v1/rules/simulate", Map.of("rules",
                List.of(json("id", id, "name", "5% back", "kind", "points_percent", "percent", "10")),
                "lastPurchases", 100));
        assertTotals(page.html(), replaced.json().path("totals"));
        assertThat(replaced.json().path("totals").path("difference").path("points").asLong()).isEqualTo(900);
        assertThat(rule(id).path("percent").asString()).isEqualTo("5");

        // A draft that does not validate shows its errors in the editor, not a simulation.
        edit.put("percent", "0");
        Screens.Page refused = owner.hxPost("/admin/rules/" + id + "/simulate", edit);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.header("HX-Retarget")).isEqualTo("#rule-editor");
        assertThat(refused.html().getElementById("percent-error")).isNotNull();
    }

    private static void assertTotals(Document page, JsonNode totals) {
        List<String> after = new ArrayList<>();
        page.select("#simulation .sim-card .after").forEach(e -> after.add(digits(e.text())));
        List<String> before = new ArrayList<>();
        page.select("#simulation .sim-card .before").forEach(e -> before.add(digits(e.text())));
        assertThat(before.getFirst()).isEqualTo(totals.path("live").path("points").asString());
        assertThat(after.getFirst()).isEqualTo(totals.path("draft").path("points").asString());
        assertThat(digits(page.selectFirst("#simulation .sim-card.members .figure").text()))
                .isEqualTo(totals.path("membersAffected").asString());
        assertThat(page.selectFirst("#simulation .sim-lead").text())
                .contains(String.valueOf(totals.path("purchases").asInt()));
    }

    private static String digits(String text) {
        return text.replaceAll("[^0-9-]", "");
    }

    @Test
    void aManagerIsRefusedAnotherTenantsRuleIsNotFoundAndAPostWithoutTheTokenIsRefused() {
        Screens manager = Screens.signedIn(port, tenant.adminKey(), "manager", null);
        for (String path : List.of("/admin/rules", "/admin/rules/new", "/admin/rules?status=archived")) {
            assertThat(manager.get(path).status()).as(path).isEqualTo(403);
        }
        TestTenant other = newTenant();
        String theirs = api.post(other.adminKey(), "/api/v1/rules", json("name", "Theirs", "kind", "points_fixed",
                "points", 10)).text("id");
        assertThat(owner.get("/admin/rules/" + theirs).status()).isEqualTo(404);
        assertThat(owner.get("/admin/rules/not-an-id").status()).isEqualTo(404);
        Map<String, String> form = newForm("points_fixed");
        form.put("name", "Hijack");
        form.put("points", "1");
        assertThat(owner.post("/admin/rules/" + theirs, form).status()).isEqualTo(404);
        assertThat(owner.post("/admin/rules/" + theirs + "/simulate", form).status()).isEqualTo(404);
        assertThat(owner.post("/admin/rules/" + theirs + "/archive", Map.of()).status()).isEqualTo(404);
        assertThat(api.get(other.adminKey(), "/api/v1/rules/" + theirs).json().path("name").asString())
                .isEqualTo("Theirs");

        // Refused by the CSRF filter: 403.
        assertThat(owner.postExactly("/admin/rules", form, false).status()).isEqualTo(403);
        assertThat(owner.postExactly("/admin/rules/simulate", form, false).status()).isEqualTo(403);
        assertThat(liveRules()).isZero();
    }
}
