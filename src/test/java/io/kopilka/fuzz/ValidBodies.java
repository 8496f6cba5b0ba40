package io.kopilka.fuzz;

import io.kopilka.fuzz.OpenApiDoc.Operation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Valid, realistic bodies: each mutation changes one thing in one of these, so that what the
 * answer says is about that change. Hand-written for the operations known today; any other
 * operation gets one made from its schema. Unique fields (phone, externalId, store code) are new
 * on every call.
 */
final class ValidBodies {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String OCCURRED_AT = "2026-11-22T14:05:00+05:00";
    private final OpenApiDoc doc;
    private long nextPhone = 1_000_000;

    ValidBodies(OpenApiDoc doc) {
        this.doc = doc;
    }

    /** Phones unique in each (new) tenant, so a valid member body never collides by chance. */
    String phone() {
        return String.format("+7701%07d", nextPhone++);
    }

    /** A JSON object in this key order; takes nulls. */
    static Map<String, Object> json(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    Map<String, Object> program() {
        return json("pointValue", "1.00", "maxRedeemShare", "0.30", "minRedeemPoints", 0, "pendingDays", 0,
                "expiry", json("mode", "after_earn", "months", 12), "expiryReminderDays", List.of(30, 7),
                "welcomePoints", 0, "birthdayPoints", 0,
                "referral", json("referrerPoints", 0, "refereePoints", 0, "qualifyingSpend", "0.00"),
                "maxBackdateDays", 30);
    }

    Map<String, Object> tiers() {
        return json("metric", "spend", "window", json("type", "rolling_months", "months", 12), "graceDays", 30,
                "levels", List.of(json("code", "base", "name", "Base", "threshold", "0"),
                        json("code", "silver", "name", "Silver", "threshold", "5000.00", "benefits",
                                json("earnMultiplier", "1.5", "discountPercent", "0", "perks", List.of("Free coffee"))),
                        json("code", "vip", "name", "VIP", "manual", true, "benefits",
                                json("earnMultiplier", "2", "discountPercent", "15"))));
    }

    Map<String, Object> rule(String store) {
        return json("name", "5% back", "kind", "points_percent", "percent", "5", "priority", 100, "stackable", true,
                "validFrom", "2026-01-01T00:00:00+05:00", "validTo", "2030-01-01T00:00:00+05:00",
                "daysOfWeek", List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"),
                "hours", json("from", "00:00", "to", "23:59"), "stores", List.of(store), "channels", List.of("pos"),
                "condition", "purchase.total > 0.0",
                "itemFilter", json("skus", List.of("HAIRCUT", "SHAMPOO-1"), "categories", List.of("service", "shampoo")),
                "maxPointsPerPurchase", 100_000, "budgetPoints", 1_000_000_000L, "maxPointsPerMemberPerDay", 1_000_000,
                "maxPointsPerMemberPerMonth", 10_000_000);
    }

    Map<String, Object> reward() {
        return json("name", "Бесплатная стрижка", "names", json("kk", "Тегін шаш қию", "en", "Free haircut"),
                "description", "Any haircut", "kind", "percent_off", "costPoints", 10, "percent", "20",
                "itemFilter", json("skus", List.of("HAIRCUT")), "minSpend", "0.00", "stores", List.of("main"),
                "perMemberLimit", 1_000_000, "couponValidDays", 30, "validFrom", "2026-01-01T00:00:00+05:00",
                "validTo", "2030-01-01T00:00:00+05:00", "imageUrl", "https://example.kz/haircut.png",
                "refundOnExpiry", true);
    }

    Map<String, Object> cause() {
        return json("name", "Посади дерево", "names", json("kk", "Ағаш ек", "en", "Plant a tree"),
                "description", "500 points a tree", "unit", json("ru", "дерево", "kk", "ағаш", "en", "tree"),
                "unitForms", json("ru", json("one", "дерево", "few", "дерева", "many", "деревьев")),
                "verb", json("ru", "посадили", "kk", "отырғыздық", "en", "planted"), "pointsPerUnit", 500,
                "goalUnits", 1000, "active", true);
    }

    Map<String, Object> challenge() {
        return json("name", "Каждая 6-я стрижка бесплатно", "names", json("kk", "Әр 6-шы шаш қию тегін",
                        "en", "Every 6th haircut free"), "description", "A stamp card", "metric", "visits",
                "target", 6, "window", json("days", 60), "repeat", true, "maxCompletionsPerMember", 10,
                "oncePerDay", true, "qualifier", json("minSpend", "1000.00", "stores", List.of("main"),
                        "itemFilter", json("skus", List.of("HAIRCUT"), "categories", List.of("service")),
                        "condition", "purchase.total > 0.0"),
                "reward", json("points", 100, "badge", "regular"), "validFrom", "2026-01-01T00:00:00+05:00",
                "validTo", "2030-01-01T00:00:00+05:00", "active", true, "headStart", 2);
    }

    /** A public address literal, so no DNS is needed; the fuzzer never runs the dispatcher. */
    Map<String, Object> webhook() {
        return json("url", "https://93.184.215.14/hooks", "events", List.of("purchase.created", "points.expiring"),
                "description", "CRM");
    }

    Map<String, Object> purchase(Fixture f) {
        return json("externalId", "fuzz-" + UUID.randomUUID(), "storeCode", "main", "channel", "pos",
                "occurredAt", OCCURRED_AT, "member", json("id", f.pool().get("/api/v1/members")),
                "items", List.of(
                        json("sku", "HAIRCUT", "name", "Haircut", "category", "service", "quantity", 1, "unitPrice", "5000.00"),
                        json("sku", "SHAMPOO-1", "name", "Shampoo", "category", "shampoo", "quantity", 2,
                                "unitPrice", "1500.00")),
                "redeemPoints", 10, "couponCodes", List.of());
    }

    /** A valid body for the operation: hand-written for the known ones, else made from its schema. */
    ObjectNode base(Operation op, Fixture f) {
        String member = f.pool().get("/api/v1/members");
        Object body = switch (op.id()) {
            case "POST /api/v1/tenants" -> json("name", "Fuzz " + UUID.randomUUID(), "currency", "KZT",
                    "timezone", "Asia/Almaty", "locale", "ru", "country", "KZ");
            case "POST /api/v1/api-keys" -> json("name", "till 2", "role", "pos", "storeCode", "main");
            case "POST /api/v1/staff" -> json("email", "s-" + UUID.randomUUID() + "@example.kz", "name", "Dana",
                    "role", "cashier", "stores", List.of("main"), "language", "kk");
            case "PATCH /api/v1/staff/{id}" -> json("name", "Dana N", "language", "ru");
            case "POST /api/v1/stores" -> json("code", "s-" + UUID.randomUUID().toString().substring(0, 8),
                    "name", "Second street");
            case "PUT /api/v1/program" -> program();
            case "PUT /api/v1/faq/{locale}" -> json("items", List.of(json("question", "Как копить баллы?",
                    "answer", "Назовите телефон на кассе."), json("question", "Баллы сгорают?", "answer", "Нет.")));
            case "PUT /api/v1/notifications/settings" -> json("email", true, "sms", false,
                    "quietHours", json("from", "21:00", "to", "09:00"), "expiryReminderDays", List.of(14, 3),
                    "balanceReminder", json("everyDays", 30, "minPoints", 100), "maxMarketingPerWeek", 2,
                    "channelOrder", List.of("email", "sms"), "pointsEarned", false, "disabledKinds", List.of("welcome"));
            case "PUT /api/v1/tiers" -> tiers();
            case "POST /api/v1/rules", "PUT /api/v1/rules/{id}" -> rule("main");
            case "POST /api/v1/rules/simulate" -> json("rules", List.of(rule("main")), "purchase", purchase(f));
            case "POST /api/v1/purchases", "POST /api/v1/purchases/quote" -> purchase(f);
            case "POST /api/v1/purchases/{id}/returns" -> json("externalId", "fuzz-ret-" + UUID.randomUUID(),
                    "items", List.of(json("sku", "SHAMPOO-1", "quantity", 1)));
            case "POST /api/v1/members" -> json("phone", phone(), "email", "m-" + UUID.randomUUID() + "@example.kz",
                    "name", "Aigerim", "birthDate", "1990-04-02", "locale", "kk", "referralCode", f.memberReferralCode(),
                    "consents", json("sms", true, "email", false), "attributes", json("kids", 2, "favouriteService", "beard"));
            case "PATCH /api/v1/members/{id}" -> json("name", "Aigerim B", "locale", "ru", "birthDate", "1991-05-03",
                    "attributes", json("kids", 3), "consents", json("marketing", true, "sms", false));
            // No body: the member is in the path; the fixture's tenant has a bot, so the valid call is a 201.
            case "POST /api/v1/members/{id}/telegram-link" -> json();
            case "POST /api/v1/members/{id}/adjustments" -> json("points", 100, "reason", "compensation",
                    "note", "long wait");
            case "POST /api/v1/members/{id}/gifts" -> json("points", 100, "reason", "долгое ожидание",
                    "note", "at the window");
            case "POST /api/v1/transfers" -> json("fromMemberId", member, "toMemberId", f.member2(), "points", 1);
            case "POST /api/v1/causes", "PUT /api/v1/causes/{id}" -> cause();
            case "POST /api/v1/members/{id}/donations" -> json("causeId", f.pool().get("/api/v1/causes"), "points", 1);
            case "PUT /api/v1/members/{id}/tier" -> json("code", "vip", "reason", "friend of the owner");
            case "POST /api/v1/rewards", "PUT /api/v1/rewards/{id}" -> reward();
            case "POST /api/v1/members/{id}/redemptions" -> json("rewardId", f.pool().get("/api/v1/rewards"),
                    "note", "a table by the window");
            case "POST /api/v1/coupons/{code}/cancel" -> json("reason", "bought by mistake");
            case "POST /api/v1/challenges", "PUT /api/v1/challenges/{id}" -> challenge();
            case "PUT /api/v1/members/{id}/goal" -> json("name", "Семейный ужин", "targetPoints", 15000);
            case "POST /api/v1/webhooks" -> webhook();
            case "PUT /api/v1/notifications/templates/{kind}/{locale}/{channel}" -> json(
                    "subject", "{{business}}: добро пожаловать{{#name}}, {{name}}{{/name}}",
                    "body", "Ваша карта {{cardNumber}}.{{#welcomePoints}} Подарок: {{welcomePoints}}.{{/welcomePoints}}");
            case "POST /api/v1/notifications/templates/{kind}/{locale}/{channel}/preview" -> json("memberId", member,
                    "body", "{{#name}}{{name}}, в{{/name}}{{^name}}В{{/name}}аша карта {{cardNumber}}.");
            case "PATCH /api/v1/webhooks/{id}" -> json("events", List.of("*"), "description", "CRM, all events",
                    "enabled", true);
            default -> op.hasBody() ? synth(op.bodySchema(), f, "", 0) : json();
        };
        JsonNode node = JSON.valueToTree(body);
        return node instanceof ObjectNode o ? o : JSON.createObjectNode();
    }

    /** A plausible value for a schema nobody described here: real ids for *Id, dates for date formats. */
    private Object synth(JsonNode schema, Fixture f, String name, int depth) {
        JsonNode s = doc.resolve(schema);
        if (s.has("example")) {
            return s.get("example");
        }
        if (s.path("enum").isArray() && !s.path("enum").isEmpty()) {
            return s.path("enum").get(0);
        }
        String lower = name.toLowerCase();
        return switch (doc.type(s)) {
            case "object" -> {
                Map<String, Object> m = new LinkedHashMap<>();
                if (depth < 4) {
                    for (var p : s.path("properties").properties()) {
                        m.put(p.getKey(), synth(p.getValue(), f, p.getKey(), depth + 1));
                    }
                }
                yield m;
            }
            case "array" -> depth < 4 ? List.of(synth(s.path("items"), f, name, depth + 1)) : List.of();
            case "integer" -> 1;
            case "number" -> "1.00";
            case "boolean" -> true;
            case "string" -> switch (s.path("format").asString("")) {
                case "date-time" -> OCCURRED_AT;
                case "date" -> "1990-04-02";
                case "email" -> "fuzz@example.kz";
                case "uuid" -> f.pool().get("/api/v1/members");
                default -> lower.endsWith("memberid") ? f.pool().get("/api/v1/members")
                        : lower.equals("storecode") || lower.equals("store") ? "main"
                        : lower.equals("phone") ? phone()
                        : lower.equals("externalid") ? "fuzz-" + UUID.randomUUID()
                        : lower.equals("locale") ? "ru" : "fuzz";
            };
            default -> null;
        };
    }
}
