package io.kopilka.fuzz;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest.TestTenant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Gives a new tenant realistic data (a store, a pos key, a program, tiers, a rule, two members with
 * points, a reward and a coupon of it, a purchase), so that the mutations hit real ids and real pricing rather than an empty
 * tenant's early refusals. A step the service refuses only weakens what is tested, so it becomes a
 * note; without a store, a member or a purchase nothing meaningful can run, so those fail the set-up.
 */
final class FixtureSetup {
    private final Api api;
    private final ValidBodies bodies;
    private final List<String> notes;

    FixtureSetup(Api api, ValidBodies bodies, List<String> notes) {
        this.api = api;
        this.bodies = bodies;
        this.notes = notes;
    }

    Fixture build(String name, TestTenant t) {
        String key = t.adminKey();
        Map<String, String> pool = new LinkedHashMap<>();
        pool.put("/api/v1/tenants", t.id());
        must(api.post(key, "/api/v1/stores", Map.of("code", "main", "name", "Main street")), "store");
        pool.put("/api/v1/stores", "main");
        String pos = must(api.post(key, "/api/v1/api-keys", Map.of("name", "till 1", "role", "pos",
                "storeCode", "main")), "pos key").text("key");
        pool.put("/api/v1/api-keys", must(api.post(key, "/api/v1/api-keys", Map.of("name", "spare", "role", "pos")),
                "spare key").text("id"));
        soft(api.put(key, "/api/v1/program", bodies.program()), name + ": PUT /api/v1/program");
        soft(api.put(key, "/api/v1/tiers", bodies.tiers()), name + ": PUT /api/v1/tiers");
        // A bot of its own, so that a Telegram start link can be made (nothing reads it: jobs are off in tests).
        soft(api.put(key, "/api/v1/notifications/settings", ValidBodies.json("telegram", ValidBodies.json(
                "username", "fuzz_shop_bot", "botToken", "7012345678:AAFmZ3x9kLq2VwTr8sYhJc4pNd6bGe1uXy9Q"))),
                name + ": PUT /api/v1/notifications/settings");
        Api.Response rule = soft(api.post(key, "/api/v1/rules", bodies.rule("main")), name + ": POST /api/v1/rules");
        if (rule.status() < 300) {
            pool.put("/api/v1/rules", rule.text("id"));
        }
        Api.Response cause = soft(api.post(key, "/api/v1/causes", bodies.cause()), name + ": POST /api/v1/causes");
        if (cause.status() < 300) {
            pool.put("/api/v1/causes", cause.text("id"));
        }
        Api.Response m1 = must(api.post(key, "/api/v1/members", ValidBodies.json("phone", bodies.phone(), "name", "Aigerim",
                "email", "aigerim-" + UUID.randomUUID() + "@example.kz", "birthDate", "1990-04-02")), "member");
        pool.put("/api/v1/members", m1.text("id"));
        Api.Response challenge = soft(api.post(key, "/api/v1/challenges", bodies.challenge()),
                name + ": POST /api/v1/challenges");
        if (challenge.status() < 300) {
            pool.put("/api/v1/challenges", challenge.text("id"));
        }
        Api.Response webhook = soft(api.post(key, "/api/v1/webhooks", bodies.webhook()),
                name + ": POST /api/v1/webhooks");
        if (webhook.status() < 300) {
            pool.put("/api/v1/webhooks", webhook.text("id"));
        }
        // Not a collection: the path names a job, and "birthday" is one every tenant has.
        pool.put("/api/v1/jobs", "birthday");
        // Nor are a template's kind, locale and channel: the welcome e-mail in Russian is every tenant's.
        pool.put("/api/v1/notifications/templates", "welcome");
        pool.put("/api/v1/notifications/templates/{kind}", "ru");
        pool.put("/api/v1/notifications/templates/{kind}/{locale}", "email");
        // A language every tenant's questions exist in.
        pool.put("/api/v1/faq", "ru");
        String m2 = must(api.post(key, "/api/v1/members", Map.of("phone", bodies.phone())), "member 2").text("id");
        soft(api.post(key, "/api/v1/members/" + m1.text("id") + "/adjustments",
                Map.of("points", 1_000_000, "reason", "fuzz float")), name + ": adjustment");
        Api.Response reward = soft(api.post(key, "/api/v1/rewards", bodies.reward()), name + ": POST /api/v1/rewards");
        if (reward.status() < 300) {
            pool.put("/api/v1/rewards", reward.text("id"));
            Api.Response bought = soft(api.post(key, "/api/v1/members/" + m1.text("id") + "/redemptions",
                    Map.of("rewardId", reward.text("id"))), name + ": redemption");
            if (bought.status() < 300) {
                pool.put("/api/v1/coupons", bought.json().path("coupon").path("code").asString());
            }
        }
        Fixture f = new Fixture(name, t, pos, m1.text("referralCode"), m2, pool);
        pool.put("/api/v1/purchases", must(api.post(key, "/api/v1/purchases", bodies.purchase(f)), "purchase").text("id"));
        return f;
    }

    private static Api.Response must(Api.Response r, String what) {
        if (r.status() >= 300) {
            throw new IllegalStateException("fuzz set-up failed, " + what + ": " + r);
        }
        return r;
    }

    private Api.Response soft(Api.Response r, String what) {
        if (r.status() >= 300) {
            notes.add("set-up step refused (" + what + "): " + r.status() + " " + Findings.clip(r.body()));
        }
        return r;
    }
}
