package io.kopilka.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.ledger.PointsExpiry;
import io.kopilka.shared.TenantId;
import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard's figures, each checked exactly, in Almaty (UTC+5) around its midnight: a purchase at
 * 23:59:59 and one a second later fall on two days there although both are on one UTC day. A second
 * tenant's purchases, members and points never count.
 */
class AnalyticsSummaryIT extends IntegrationTest {
    /** 23:59:59 on 22 November in Almaty. */
    private static final Instant BEFORE_MIDNIGHT = Instant.parse("2026-11-22T18:59:59Z");
    /** 00:00:00 on 23 November in Almaty, still 22 November in UTC. */
    private static final Instant MIDNIGHT = Instant.parse("2026-11-22T19:00:00Z");
    private static final Instant NOV_23_AFTERNOON = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant NOV_24_MORNING = Instant.parse("2026-11-24T05:00:00Z");
    private static final String RANGE = "from=2026-11-22&to=2026-12-23";

    @Autowired
    PointsExpiry expiry;

    private TestTenant tenant;
    private String admin;
    private String ruleId;
    private String rewardId;

    @BeforeEach
    void tenant() {
        tenant = newTenant("KZT", "Asia/Almaty", "ru");
        admin = tenant.adminKey();
        ok(api.put(admin, "/api/v1/program", Map.of("pointValue", "0.50", "welcomePoints", 50,
                "expiry", Map.of("mode", "after_earn", "months", 1), "expiryReminderDays", List.of(7))));
        ok(api.post(admin, "/api/v1/stores", Map.of("code", "main")));
        ok(api.post(admin, "/api/v1/stores", Map.of("code", "kiosk")));
        ruleId = ok(api.post(admin, "/api/v1/rules", Map.of("name", "10%", "kind", "points_percent",
                "percent", "10"))).text("id");
        rewardId = ok(api.post(admin, "/api/v1/rewards", Map.of("name", "Кофе", "names", Map.of("en", "Coffee"),
                "kind", "gift", "costPoints", 30))).text("id");
    }

    private static Api.Response ok(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isBetween(200, 201);
        return r;
    }

    private Api.Response buy(TestTenant t, String store, String member, String price, long redeem) {
        Map<String, Object> body = json("externalId", UUID.randomUUID().toString(), "storeCode", store,
                "items", List.of(Map.of("sku", "A", "quantity", 1, "unitPrice", price)));
        if (member != null) {
            body.put("member", Map.of("id", member));
        }
        if (redeem > 0) {
            body.put("redeemPoints", redeem);
        }
        return ok(api.post(t.adminKey(), "/api/v1/purchases", body));
    }

    /**
     * Member 1 joins and buys a second before Almaty's midnight (welcome 50, earns 100), a guest too; a guest
     * buys at midnight in the kiosk; member 2 joins and buys the next afternoon (welcome 50, earns 200), spends
     * 30 on a coupon, and member 1 returns half; member 2 pays 100 points of a purchase the day after (earns 95).
     * Member 1's points expire at 23:59:59 on 22 December, member 2's are still live.
     */
    private void story() {
        clock.set(BEFORE_MIDNIGHT);
        String first = newMember(tenant);
        String purchase = buy(tenant, "main", first, "1000", 0).text("id");
        buy(tenant, "main", null, "500", 0);
        clock.set(MIDNIGHT);
        buy(tenant, "kiosk", null, "300", 0);
        clock.set(NOV_23_AFTERNOON);
        String second = newMember(tenant);
        assertThat(buy(tenant, "main", second, "2000", 0).json().path("pointsEarned").asLong()).isEqualTo(200);
        ok(api.post(admin, "/api/v1/members/" + second + "/redemptions", Map.of("rewardId", rewardId)));
        Api.Response back = ok(api.post(admin, "/api/v1/purchases/" + purchase + "/returns",
                Map.of("externalId", "r1", "amount", "500")));
        assertThat(back.json().path("pointsReversed").asLong()).isEqualTo(50);
        clock.set(NOV_24_MORNING);
        Api.Response paid = buy(tenant, "main", second, "1000", 100);
        assertThat(paid.json().path("payable").asString()).isEqualTo("950.00");
        assertThat(paid.json().path("pointsEarned").asLong()).isEqualTo(95);

        // A week before member 1's points expire, both are reminded; only member 2 still has points then.
        clock.set(Instant.parse("2026-12-16T05:00:00Z"));
        ok(api.post(admin, "/api/v1/jobs/expiry_reminders/run", Map.of()));
        clock.set(MIDNIGHT.plus(java.time.Duration.ofDays(30)));
        assertThat(expiry.expireDue(new TenantId(UUID.fromString(tenant.id())), clock.instant())).isEqualTo(2);
    }

    /** Another tenant's business on the same days, in the same zone; none of it may show in the first. */
    private void otherTenant() {
        TestTenant other = newTenant("KZT", "Asia/Almaty", "ru");
        ok(api.post(other.adminKey(), "/api/v1/stores", Map.of("code", "other")));
        ok(api.post(other.adminKey(), "/api/v1/rules", Map.of("name", "5%", "kind", "points_percent", "percent", "5")));
        Instant at = clock.instant();
        clock.set(BEFORE_MIDNIGHT);
        buy(other, "other", newMember(other), "7000", 0);
        buy(other, "other", null, "9000", 0);
        clock.set(at);
    }

    @Test
    void everyFigureExactlyPerDayAndInTotal() {
        story();
        otherTenant();

        Api.Response r = ok(api.get(admin, "/api/v1/analytics/summary?" + RANGE));
        JsonNode s = r.json();
        assertThat(s.path("from").asString()).isEqualTo("2026-11-22");
        assertThat(s.path("to").asString()).isEqualTo("2026-12-23");
        assertThat(s.path("currency").asString()).isEqualTo("KZT");
        JsonNode days = s.path("days");
        assertThat(days.size()).isEqualTo(32);

        day(days.get(0), "2026-11-22", 1, 1, "1000.00", "500.00", 0, "0.00", 1, 150, 0, 0);
        assertThat(days.get(0).path("figures").path("pointsByType").path("welcome").asLong()).isEqualTo(50);
        assertThat(days.get(0).path("figures").path("pointsByType").path("earn").asLong()).isEqualTo(100);
        day(days.get(1), "2026-11-23", 1, 1, "2000.00", "300.00", 1, "500.00", 1, 250, 30, 0);
        JsonNode byType23 = days.get(1).path("figures").path("pointsByType");
        assertThat(byType23.path("reverse").asLong()).isEqualTo(-50);
        assertThat(byType23.path("reward").asLong()).isEqualTo(-30);
        day(days.get(2), "2026-11-24", 1, 0, "950.00", "0.00", 0, "0.00", 0, 95, 100, 0);
        for (int i = 3; i < 30; i++) {
            day(days.get(i), LocalDate.of(2026, 11, 22).plusDays(i).toString(), 0, 0, "0.00", "0.00", 0, "0.00", 0,
                    0, 0, 0);
            assertThat(days.get(i).path("figures").path("pointsByType").size()).isZero();
        }
        // Expired at 23:59:59 on 22 December, Almaty: the 22nd's, not the 23rd's, though it is one UTC day.
        day(days.get(30), "2026-12-22", 0, 0, "0.00", "0.00", 0, "0.00", 0, 0, 0, 100);
        day(days.get(31), "2026-12-23", 0, 0, "0.00", "0.00", 0, "0.00", 0, 0, 0, 0);

        figures(s.path("totals"), 3, 2, "3950.00", "800.00", 1, "500.00", 2, 495, 130, 100);
        JsonNode byType = s.path("totals").path("pointsByType");
        assertThat(byType.path("earn").asLong()).isEqualTo(395);
        assertThat(byType.path("welcome").asLong()).isEqualTo(100);
        assertThat(byType.path("redeem").asLong()).isEqualTo(-100);
        assertThat(byType.path("expire").asLong()).isEqualTo(-100);

        // Member 2: 50 + 200 − 30 − 100 + 95; member 1 has nothing left. Worth 0.50 each.
        assertThat(s.path("liability").path("points").asLong()).isEqualTo(215);
        assertThat(s.path("liability").path("value").asString()).isEqualTo("107.50");
        assertThat(s.path("expiring").path("points").asLong()).isEqualTo(215);
        assertThat(s.path("expiring").path("members").asLong()).isEqualTo(1);
        // No channel is configured in the tests: both reminders were written and reached nobody, so they warned nobody.
        assertThat(reminders()).containsExactly("undeliverable", "undeliverable");
        assertThat(s.path("expiring").path("warnedMembers").asLong()).isZero();
        // As the dispatcher would mark it had e-mail been set up: now member 2 was warned (member 1 has nothing left).
        jdbc.sql("UPDATE notification SET status = 'sent' WHERE tenant_id = :t AND kind = 'points_expiring'")
                .param("t", UUID.fromString(tenant.id())).update();
        assertThat(ok(api.get(admin, "/api/v1/analytics/summary?" + RANGE)).json().path("expiring")
                .path("warnedMembers").asLong()).isEqualTo(1);
        assertThat(s.path("expiring").path("until").asString()).isEqualTo("2027-01-23T00:00:00+05:00");

        assertThat(s.path("topRules").size()).isEqualTo(1);
        assertThat(s.path("topRules").get(0).path("ruleId").asString()).isEqualTo(ruleId);
        assertThat(s.path("topRules").get(0).path("name").asString()).isEqualTo("10%");
        assertThat(s.path("topRules").get(0).path("points").asLong()).isEqualTo(395);
        assertThat(s.path("topRules").get(0).path("times").asLong()).isEqualTo(3);
        assertThat(s.path("topRewards").size()).isEqualTo(1);
        assertThat(s.path("topRewards").get(0).path("rewardId").asString()).isEqualTo(rewardId);
        assertThat(s.path("topRewards").get(0).path("name").path("name").asString()).isEqualTo("Кофе");
        assertThat(s.path("topRewards").get(0).path("coupons").asLong()).isEqualTo(1);

        // The CSV holds the same series.
        Api.Response csv = api.send("GET", admin, "/api/v1/analytics/summary?" + RANGE, null,
                Map.of("Accept", "text/csv"));
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("date,memberPurchases,guestPurchases,memberRevenue,guestRevenue,"
                + "returns,returned,newMembers,pointsIssued,pointsRedeemed,pointsExpired");
        assertThat(lines).hasSize(33);
        List<String> expected = new ArrayList<>();
        for (JsonNode d : days) {
            JsonNode f = d.path("figures");
            expected.add(String.join(",", d.path("date").asString(), f.path("memberPurchases").asString(),
                    f.path("guestPurchases").asString(), f.path("memberRevenue").asString(),
                    f.path("guestRevenue").asString(), f.path("returns").asString(), f.path("returned").asString(),
                    f.path("newMembers").asString(), f.path("pointsIssued").asString(),
                    f.path("pointsRedeemed").asString(), f.path("pointsExpired").asString()));
        }
        assertThat(lines.subList(1, lines.size())).containsExactlyElementsOf(expected);
        assertThat(lines.get(2)).isEqualTo("2026-11-23,1,1,2000.00,300.00,1,500.00,1,250,30,0");
    }

    private List<String> reminders() {
        return jdbc.sql("SELECT status FROM notification WHERE tenant_id = :t AND kind = 'points_expiring' ORDER BY status")
                .param("t", UUID.fromString(tenant.id())).query(String.class).list();
    }

    @Test
    void aStoreNarrowsThePurchaseFigures() {
        story();
        JsonNode kiosk = ok(api.get(admin, "/api/v1/analytics/summary?" + RANGE + "&store=kiosk")).json();
        assertThat(kiosk.path("store").asString()).isEqualTo("kiosk");
        figures(kiosk.path("totals"), 0, 1, "0.00", "300.00", 0, "0.00", 2, 495, 130, 100);
        assertThat(kiosk.path("days").get(1).path("figures").path("guestPurchases").asLong()).isEqualTo(1);
        assertThat(kiosk.path("topRules").size()).isZero();
        JsonNode main = ok(api.get(admin, "/api/v1/analytics/summary?" + RANGE + "&store=main")).json();
        figures(main.path("totals"), 3, 1, "3950.00", "500.00", 1, "500.00", 2, 495, 130, 100);
    }

    @Test
    void theDefaultIsTheLast30DaysAndAnEmptyTenantHasZeros() {
        clock.set(MIDNIGHT); // 23 November in Almaty
        JsonNode s = ok(api.get(admin, "/api/v1/analytics/summary")).json();
        assertThat(s.path("to").asString()).isEqualTo("2026-11-23");
        assertThat(s.path("from").asString()).isEqualTo("2026-10-25");
        assertThat(s.path("days").size()).isEqualTo(30);
        figures(s.path("totals"), 0, 0, "0.00", "0.00", 0, "0.00", 0, 0, 0, 0);
        assertThat(s.path("liability").path("points").asLong()).isZero();
        assertThat(s.path("liability").path("value").asString()).isEqualTo("0.00");
        assertThat(s.path("topRules").size()).isZero();
    }

    @Test
    void badInputIsRefusedAndOnlyAdminsSeeIt() {
        assertThat(api.get(admin, "/api/v1/analytics/summary?from=2026-13-01").code()).isEqualTo("validation_failed");
        assertThat(api.get(admin, "/api/v1/analytics/summary?to=yesterday").code()).isEqualTo("validation_failed");
        assertThat(api.get(admin, "/api/v1/analytics/summary?from=2026-11-23&to=2026-11-22").code())
                .isEqualTo("validation_failed");
        assertThat(api.get(admin, "/api/v1/analytics/summary?from=2025-11-21&to=2026-11-22").code())
                .isEqualTo("validation_failed");
        assertThat(api.get(admin, "/api/v1/analytics/summary?from=2025-11-22&to=2026-11-22").status())
                .as("366 days are allowed").isEqualTo(200);
        Api.Response unknown = api.get(admin, "/api/v1/analytics/summary?store=nowhere");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.code()).isEqualTo("unknown_store");
        // Another tenant's store is as unknown as none.
        TestTenant other = newTenant("KZT", "Asia/Almaty", "ru");
        ok(api.post(other.adminKey(), "/api/v1/stores", Map.of("code", "theirs")));
        assertThat(api.get(admin, "/api/v1/analytics/summary?store=theirs").code()).isEqualTo("unknown_store");

        Api.Response csvBad = api.send("GET", admin, "/api/v1/analytics/summary?from=nope", null,
                Map.of("Accept", "text/csv"));
        assertThat(csvBad.status()).as(csvBad.toString()).isEqualTo(422);
        assertThat(csvBad.contentType()).startsWith("application/problem+json");
        Api.Response xml = api.send("GET", admin, "/api/v1/analytics/summary", null, Map.of("Accept", "text/xml"));
        assertThat(xml.status()).isEqualTo(406);
        assertThat(api.get(newKey(tenant, "pos"), "/api/v1/analytics/summary").status()).isEqualTo(403);
    }

    private static void day(JsonNode day, String date, long memberPurchases, long guestPurchases, String memberRevenue,
                            String guestRevenue, long returns, String returned, long newMembers, long issued,
                            long redeemed, long expired) {
        assertThat(day.path("date").asString()).isEqualTo(date);
        figures(day.path("figures"), memberPurchases, guestPurchases, memberRevenue, guestRevenue, returns, returned,
                newMembers, issued, redeemed, expired);
    }

    private static void figures(JsonNode f, long memberPurchases, long guestPurchases, String memberRevenue,
                                String guestRevenue, long returns, String returned, long newMembers, long issued,
                                long redeemed, long expired) {
        assertThat(f.path("memberPurchases").asLong()).as("memberPurchases of " + f).isEqualTo(memberPurchases);
        assertThat(f.path("guestPurchases").asLong()).as("guestPurchases of " + f).isEqualTo(guestPurchases);
        assertThat(f.path("memberRevenue").asString()).as("memberRevenue of " + f).isEqualTo(memberRevenue);
        assertThat(f.path("guestRevenue").asString()).as("guestRevenue of " + f).isEqualTo(guestRevenue);
        assertThat(f.path("returns").asLong()).as("returns of " + f).isEqualTo(returns);
        assertThat(f.path("returned").asString()).as("returned of " + f).isEqualTo(returned);
        assertThat(f.path("newMembers").asLong()).as("newMembers of " + f).isEqualTo(newMembers);
        assertThat(f.path("pointsIssued").asLong()).as("pointsIssued of " + f).isEqualTo(issued);
        assertThat(f.path("pointsRedeemed").asLong()).as("pointsRedeemed of " + f).isEqualTo(redeemed);
        assertThat(f.path("pointsExpired").asLong()).as("pointsExpired of " + f).isEqualTo(expired);
    }
}
