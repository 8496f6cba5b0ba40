package io.kopilka.audit;

import static io.kopilka.testing.ProblemAssert.assertInvalid;
import static io.kopilka.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The audit log through the API: every configuration write and every change made by hand to members
 * and points leaves exactly one entry, made by the key that called, in the change's transaction; a
 * refused change or a replay leaves none; the list filters, pages and keeps to its tenant.
 */
class AuditLogIT extends IntegrationTest {

    /** An admin key of its own, so that the entries name it (the tenant's first key is the system's). */
    private record Admin(String key, String id, String name) {
    }

    private Admin admin(TestTenant t, String name) {
        Api.Response r = api.post(t.adminKey(), "/api/v1/api-keys", Map.of("name", name, "role", "admin"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return new Admin(r.text("key"), r.text("id"), name);
    }

    private JsonNode entries(String key, String query) {
        Api.Response r = api.get(key, "/api/v1/audit" + query);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("items");
    }

    /** The one entry of this action on this object; fails on none or more than one. */
    private JsonNode theEntry(Admin by, String action, String objectType, String objectId) {
        String query = "?limit=200&action=" + action + "&objectType=" + objectType
                + (objectId == null ? "" : "&objectId=" + enc(objectId));
        List<JsonNode> found = new ArrayList<>();
        entries(by.key(), query).forEach(e -> {
            if (objectId != null || e.path("objectId").isNull()) {
                found.add(e);
            }
        });
        assertThat(found).as(action + " " + objectType + " " + objectId).hasSize(1);
        JsonNode e = found.getFirst();
        assertThat(e.path("actor").path("type").asString()).isEqualTo("api_key");
        assertThat(e.path("actor").path("id").asString()).isEqualTo(by.id());
        assertThat(e.path("actor").path("name").asString()).isEqualTo(by.name());
        assertThat(e.path("at").asString()).endsWith("+05:00"); // Asia/Almaty, the tenant's zone
        return e;
    }

    private long count(TestTenant t, String action) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE tenant_id = :t AND action = :a")
                .param("t", UUID.fromString(t.id())).param("a", action).query(Long.class).single();
    }

    private static Map<String, Object> rule(String name) {
        return json("name", name, "kind", "points_percent", "percent", "5");
    }

    private static Map<String, Object> ladder() {
        return json("metric", "spend", "window", json("type", "lifetime"), "levels", List.of(
                json("code", "base", "name", "Base", "threshold", "0"),
                json("code", "vip", "name", "VIP", "manual", true)));
    }

    @Test
    void everyConfigurationWriteLeavesOneEntryWithBeforeAndAfter() {
        TestTenant t = newTenant();
        Admin ops = admin(t, "Ops desk");

        assertThat(api.put(ops.key(), "/api/v1/program", Map.of("welcomePoints", 25)).status()).isEqualTo(200);
        JsonNode program = theEntry(ops, "program.updated", "program", null);
        assertThat(program.path("objectId").isNull()).isTrue();
        assertThat(program.path("before").path("welcomePoints").asLong()).isZero();
        assertThat(program.path("after").path("welcomePoints").asLong()).isEqualTo(25);
        assertThat(program.path("after").path("maxRedeemShare").asString()).isEqualTo("0.30");

        String ruleId = api.post(ops.key(), "/api/v1/rules", rule("Five back")).text("id");
        JsonNode created = theEntry(ops, "rule.created", "rule", ruleId);
        assertThat(created.path("before").isNull()).isTrue();
        assertThat(created.path("after").path("name").asString()).isEqualTo("Five back");
        assertThat(api.put(ops.key(), "/api/v1/rules/" + ruleId, rule("Five, renamed")).status()).isEqualTo(200);
        JsonNode replaced = theEntry(ops, "rule.updated", "rule", ruleId);
        assertThat(replaced.path("before").path("name").asString()).isEqualTo("Five back");
        assertThat(replaced.path("after").path("name").asString()).isEqualTo("Five, renamed");
        assertThat(api.delete(ops.key(), "/api/v1/rules/" + ruleId).status()).isEqualTo(204);
        JsonNode archived = theEntry(ops, "rule.archived", "rule", ruleId);
        assertThat(archived.path("before").path("name").asString()).isEqualTo("Five, renamed");
        assertThat(archived.path("after").isNull()).isTrue();

        assertThat(api.put(ops.key(), "/api/v1/tiers", ladder()).status()).isEqualTo(200);
        JsonNode tiers = theEntry(ops, "tiers.replaced", "tiers", null);
        assertThat(tiers.path("before").path("levels")).isEmpty();
        assertThat(tiers.path("after").path("levels")).hasSize(2);
        assertThat(tiers.path("after").path("levels").get(1).path("code").asString()).isEqualTo("vip");

        assertThat(api.post(ops.key(), "/api/v1/stores", Map.of("code", "abay", "name", "Abay 10")).status())
                .isEqualTo(201);
        JsonNode store = theEntry(ops, "store.created", "store", "abay");
        assertThat(store.path("after").path("name").asString()).isEqualTo("Abay 10");

        Api.Response issued = api.post(ops.key(), "/api/v1/api-keys",
                Map.of("name", "Till 2", "role", "pos", "storeCode", "abay"));
        String keyId = issued.text("id");
        JsonNode key = theEntry(ops, "api_key.issued", "api_key", keyId);
        assertThat(key.path("after").path("name").asString()).isEqualTo("Till 2");
        assertThat(key.path("after").path("role").asString()).isEqualTo("pos");
        assertThat(key.path("after").path("storeCode").asString()).isEqualTo("abay");
        String secret = issued.text("key");
        assertThat(key.path("after").path("hint").asString()).isEqualTo("…" + secret.substring(secret.length() - 6));
        assertThat(key.toString()).doesNotContain(secret);
        assertThat(api.delete(ops.key(), "/api/v1/api-keys/" + keyId).status()).isEqualTo(204);
        JsonNode revoked = theEntry(ops, "api_key.revoked", "api_key", keyId);
        assertThat(revoked.path("before").path("name").asString()).isEqualTo("Till 2");
        assertThat(revoked.path("after").isNull()).isTrue();
        assertThat(revoked.toString()).doesNotContain(secret);

        // The tenant's first key was issued by the system when the tenant was made; this one by Ops desk.
        JsonNode first = entries(ops.key(), "?action=api_key.issued").get(2);
        assertThat(first.path("actor").path("type").asString()).isEqualTo("system");
        assertThat(first.path("actor").path("id").isNull()).isTrue();
        assertThat(first.path("after").path("name").asString()).isEqualTo("admin");
    }

    @Test
    void everyManualChangeOfAMemberOrPointsLeavesOneEntry() {
        TestTenant t = newTenant();
        Admin ops = admin(t, "Front desk");
        assertThat(api.put(ops.key(), "/api/v1/tiers", ladder()).status()).isEqualTo(200);
        Api.Response joined = newMember(t, Map.of("phone", randomPhone()));
        String alice = joined.text("id");
        String bob = newMember(t);

        assertThat(api.patch(ops.key(), "/api/v1/members/" + alice, Map.of("name", "Aigerim")).status())
                .isEqualTo(200);
        JsonNode updated = theEntry(ops, "member.updated", "member", alice);
        assertThat(updated.path("before").path("name").isNull()).isTrue();
        assertThat(updated.path("after").path("name").asString()).isEqualTo("Aigerim");
        assertThat(updated.path("after").path("phone").asString()).isEqualTo(joined.text("phone"));

        String oldCard = joined.text("cardNumber");
        String newCard = api.post(ops.key(), "/api/v1/members/" + alice + "/card/reissue", null).text("cardNumber");
        JsonNode reissued = theEntry(ops, "member.card_reissued", "member", alice);
        assertThat(reissued.path("before").path("cardNumber").asString()).isEqualTo("…" + oldCard.substring(8));
        assertThat(reissued.path("after").path("cardNumber").asString()).isEqualTo("…" + newCard.substring(8));

        assertThat(api.put(ops.key(), "/api/v1/members/" + alice + "/tier",
                Map.of("code", "vip", "reason", "Friend of the owner")).status()).isEqualTo(200);
        JsonNode assigned = theEntry(ops, "member.tier_assigned", "member", alice);
        assertThat(assigned.path("before").path("code").asString()).isEqualTo("base");
        assertThat(assigned.path("after").path("code").asString()).isEqualTo("vip");
        assertThat(assigned.path("reason").asString()).isEqualTo("Friend of the owner");
        // On that level already: nothing changed, nothing recorded.
        assertThat(api.put(ops.key(), "/api/v1/members/" + alice + "/tier",
                Map.of("code", "vip", "reason", "Again")).status()).isEqualTo(200);
        theEntry(ops, "member.tier_assigned", "member", alice);

        assertThat(api.post(ops.key(), "/api/v1/members/" + alice + "/adjustments",
                Map.of("points", 500, "reason", "compensation", "note", "broken chair")).status()).isEqualTo(201);
        JsonNode adjusted = theEntry(ops, "points.adjusted", "points", alice);
        assertThat(adjusted.path("after").path("points").asLong()).isEqualTo(500);
        assertThat(adjusted.path("after").path("reason").asString()).isEqualTo("compensation");
        assertThat(adjusted.path("after").path("note").asString()).isEqualTo("broken chair");
        assertThat(adjusted.path("reason").asString()).isEqualTo("compensation");

        String transfer = api.post(ops.key(), "/api/v1/transfers",
                Map.of("fromMemberId", alice, "toMemberId", bob, "points", 200)).text("id");
        JsonNode moved = theEntry(ops, "points.transferred", "points", transfer);
        assertThat(moved.path("after").path("fromMemberId").asString()).isEqualTo(alice);
        assertThat(moved.path("after").path("toMemberId").asString()).isEqualTo(bob);
        assertThat(moved.path("after").path("points").asLong()).isEqualTo(200);

        Api.Response bobBefore = api.get(ops.key(), "/api/v1/members/" + bob);
        assertThat(api.delete(ops.key(), "/api/v1/members/" + bob).status()).isEqualTo(204);
        JsonNode erased = theEntry(ops, "member.erased", "member", bob);
        assertThat(erased.path("before").isNull()).isTrue();
        assertThat(erased.path("after").isNull()).isTrue();
        assertThat(erased.toString()).doesNotContain(bobBefore.text("phone"))
                .doesNotContain(bobBefore.text("cardNumber"));
        // Erased already: nothing changed, nothing recorded.
        assertThat(api.delete(ops.key(), "/api/v1/members/" + bob).status()).isEqualTo(204);
        theEntry(ops, "member.erased", "member", bob);

        // Everything Front desk did, and nothing else under its id.
        assertThat(entries(ops.key(), "?actorId=" + ops.id())).hasSize(7);
    }

    @Test
    void aRefusedChangeLeavesNoEntry() {
        TestTenant t = newTenant();
        Admin ops = admin(t, "Ops");
        String member = newMember(t);
        long before = entries(ops.key(), "").size();

        assertInvalid(api.put(ops.key(), "/api/v1/program", Map.of("maxRedeemShare", "7")), "maxRedeemShare");
        assertInvalid(api.post(ops.key(), "/api/v1/rules", json("name", "", "kind", "points_percent",
                "percent", "5")), "name");
        assertInvalid(api.put(ops.key(), "/api/v1/tiers", json("metric", "spend", "window", json("type", "lifetime"),
                "levels", List.of())), "levels");
        assertThat(api.post(ops.key(), "/api/v1/stores", Map.of("code", "main")).status()).isEqualTo(201);
        assertProblem(api.post(ops.key(), "/api/v1/stores", Map.of("code", "main")), 409, "store_exists");
        assertInvalid(api.post(ops.key(), "/api/v1/api-keys", Map.of("name", "x", "role", "pos",
                "storeCode", "nowhere")), "storeCode");
        assertProblem(api.post(ops.key(), "/api/v1/members/" + member + "/adjustments",
                Map.of("points", -5, "reason", "oops")), 409, "insufficient_points");
        assertProblem(api.put(ops.key(), "/api/v1/members/" + member + "/tier",
                Map.of("code", "vip", "reason", "no ladder")), 409, "tiers_not_configured");
        String other = newMember(t);
        assertProblem(api.post(ops.key(), "/api/v1/transfers",
                Map.of("fromMemberId", member, "toMemberId", other, "points", 10)), 409, "insufficient_points");
        assertThat(api.delete(ops.key(), "/api/v1/members/" + other).status()).isEqualTo(204);
        assertProblem(api.patch(ops.key(), "/api/v1/members/" + other, Map.of("name", "Ghost")), 409,
                "member_erased");
        assertProblem(api.post(ops.key(), "/api/v1/members/" + other + "/card/reissue", null), 409,
                "member_erased");

        // Only the store that was opened and the member that was erased.
        JsonNode after = entries(ops.key(), "");
        assertThat(after).hasSize((int) before + 2);
        assertThat(after.get(0).path("action").asString()).isEqualTo("member.erased");
        assertThat(after.get(1).path("action").asString()).isEqualTo("store.created");
    }

    @Test
    void aReplayWithTheSameIdempotencyKeyLeavesNoSecondEntry() {
        TestTenant t = newTenant();
        Admin ops = admin(t, "Ops");
        String member = newMember(t);
        String other = newMember(t);
        String ruleId = api.post(ops.key(), "/api/v1/rules", rule("R")).text("id");
        List<Runnable> twice = List.of(
                () -> send(ops, "PUT", "/api/v1/program", Map.of("welcomePoints", 5), "p-1"),
                () -> send(ops, "POST", "/api/v1/rules", rule("Once"), "r-1"),
                () -> send(ops, "PUT", "/api/v1/rules/" + ruleId, rule("R2"), "r-2"),
                () -> send(ops, "PUT", "/api/v1/tiers", ladder(), "t-1"),
                () -> send(ops, "PUT", "/api/v1/members/" + member + "/tier", Map.of("code", "vip", "reason", "x"),
                        "a-1"),
                () -> send(ops, "POST", "/api/v1/stores", Map.of("code", "once"), "s-1"),
                () -> send(ops, "PATCH", "/api/v1/members/" + member, Map.of("name", "N"), "m-1"),
                () -> send(ops, "POST", "/api/v1/members/" + member + "/card/reissue", null, "c-1"),
                () -> send(ops, "POST", "/api/v1/members/" + member + "/adjustments",
                        Map.of("points", 50, "reason", "gift"), "j-1"),
                () -> send(ops, "POST", "/api/v1/transfers",
                        Map.of("fromMemberId", member, "toMemberId", other, "points", 10), "x-1"),
                () -> send(ops, "DELETE", "/api/v1/rules/" + ruleId, null, "d-1"),
                () -> send(ops, "DELETE", "/api/v1/members/" + other, null, "e-1"));
        twice.forEach(Runnable::run);
        long once = entries(ops.key(), "?limit=200").size();
        twice.forEach(Runnable::run);
        assertThat(entries(ops.key(), "?limit=200")).hasSize((int) once);
        for (String action : List.of("program.updated", "rule.updated", "rule.archived", "tiers.replaced",
                "member.tier_assigned", "store.created", "member.updated", "member.card_reissued", "points.adjusted",
                "points.transferred", "member.erased")) {
            assertThat(count(t, action)).as(action).isEqualTo(1);
        }
        assertThat(count(t, "rule.created")).isEqualTo(2); // "R" without a key, "Once" with one
    }

    private void send(Admin by, String method, String path, Object body, String idempotencyKey) {
        Api.Response r = api.send(method, by.key(), path, body, Map.of("Idempotency-Key", idempotencyKey));
        assertThat(r.status()).as(method + " " + path + " " + r).isBetween(200, 204);
    }

    @Test
    void theListFiltersAndPagesNewestFirst() {
        TestTenant t = newTenant();
        Admin first = admin(t, "First");
        Admin second = admin(t, "Second");
        clock.set(START.plus(Duration.ofHours(1)));
        for (int i = 0; i < 5; i++) {
            api.post(first.key(), "/api/v1/stores", Map.of("code", "f" + i));
        }
        clock.set(START.plus(Duration.ofHours(3)));
        for (int i = 0; i < 3; i++) {
            api.post(second.key(), "/api/v1/stores", Map.of("code", "s" + i));
        }
        assertThat(api.put(second.key(), "/api/v1/program", Map.of("welcomePoints", 1)).status()).isEqualTo(200);

        // Paged two at a time: every entry once, newest first.
        List<String> ids = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        String cursor = null;
        do {
            Api.Response page = api.get(first.key(), "/api/v1/audit?objectType=store&limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.json().path("items").forEach(e -> {
                ids.add(e.path("id").asString());
                codes.add(e.path("objectId").asString());
            });
            cursor = page.json().path("nextCursor").isNull() ? null : page.json().path("nextCursor").asString();
        } while (cursor != null);
        assertThat(ids).doesNotHaveDuplicates().hasSize(8);
        assertThat(codes).containsExactly("s2", "s1", "s0", "f4", "f3", "f2", "f1", "f0");

        assertThat(entries(first.key(), "?objectType=store&objectId=f3")).hasSize(1);
        assertThat(entries(first.key(), "?actorId=" + second.id())).hasSize(4);
        assertThat(entries(first.key(), "?actorId=" + second.id() + "&objectType=program")).hasSize(1);
        assertThat(entries(first.key(), "?action=program.updated").get(0).path("actor").path("name").asString())
                .isEqualTo("Second");
        // 16:00 in Almaty is 11:00 UTC: after the first five (10:00 UTC), before the other three (12:00 UTC).
        String between = enc("2026-11-22T16:00:00+05:00");
        assertThat(entries(first.key(), "?objectType=store&since=" + between)).hasSize(3);
        assertThat(entries(first.key(), "?objectType=store&until=" + between)).hasSize(5);
        assertThat(entries(first.key(), "?objectType=store&since=" + enc("2026-11-22T12:00:00Z"))).hasSize(3);
        assertThat(entries(first.key(), "?objectType=store&until=" + enc("2026-11-22T12:00:00Z"))).hasSize(5);
        assertThat(entries(first.key(), "?objectType=nothing")).isEmpty();
    }

    @Test
    void badFiltersAreRefusedAsTheOtherListsRefuseThem() {
        TestTenant t = newTenant();
        assertInvalid(api.get(t.adminKey(), "/api/v1/audit?since=yesterday"), "since");
        assertInvalid(api.get(t.adminKey(), "/api/v1/audit?until=2026-11-22"), "until");
        assertInvalid(api.get(t.adminKey(), "/api/v1/audit?limit=0"), "limit");
        assertInvalid(api.get(t.adminKey(), "/api/v1/audit?limit=201"), "limit");
        assertInvalid(api.get(t.adminKey(), "/api/v1/audit?cursor=bm90LWEtY3Vyc29y"), "cursor");
        assertThat(api.get(t.adminKey(), "/api/v1/audit?limit=abc").status()).isBetween(400, 422);
    }

    @Test
    void aPosKeyMayNotReadTheLog() {
        TestTenant t = newTenant();
        String pos = newKey(t, "pos");
        assertProblem(api.get(pos, "/api/v1/audit"), 403, "forbidden");
        assertProblem(api.get(pos, "/api/v1/audit?objectType=api_key"), 403, "forbidden");
    }

    @Test
    void anotherTenantsEntriesAreNeverListed() {
        TestTenant a = newTenant();
        TestTenant b = newTenant();
        String member = newMember(a);
        assertThat(api.patch(a.adminKey(), "/api/v1/members/" + member, Map.of("name", "A")).status()).isEqualTo(200);
        assertThat(api.post(a.adminKey(), "/api/v1/stores", Map.of("code", "shared-code")).status()).isEqualTo(201);
        assertThat(api.post(b.adminKey(), "/api/v1/stores", Map.of("code", "shared-code")).status()).isEqualTo(201);
        String aKeyId = api.get(a.adminKey(), "/api/v1/api-keys").json().path("items").get(0).path("id").asString();

        assertThat(entries(b.adminKey(), "?objectId=" + member)).isEmpty();
        assertThat(entries(b.adminKey(), "?objectType=member")).isEmpty();
        assertThat(entries(b.adminKey(), "?objectId=" + aKeyId)).isEmpty();
        assertThat(entries(b.adminKey(), "?objectType=store")).hasSize(1);
        JsonNode all = entries(b.adminKey(), "?limit=200");
        assertThat(all.toString()).doesNotContain(member).doesNotContain(aKeyId);
        assertThat(entries(a.adminKey(), "?objectType=store")).hasSize(1);
        assertThat(entries(a.adminKey(), "?objectId=" + member)).hasSize(1);
    }
}
