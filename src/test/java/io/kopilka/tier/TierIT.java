package io.kopilka.tier;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.shared.Ids;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Members move between levels on a moving clock. The tests call the facade's {@code afterPurchase}
 * and {@code afterReturn} directly, as the purchase flow does (see TierPurchaseIT for the whole path).
 */
class TierIT extends IntegrationTest {
    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    @Autowired
    Tiers tiers;

    private TestTenant tenant;
    private TenantId tenantId;

    /** The ladder of docs/api.md: spend over 12 rolling months, base 0, silver 5000, gold 20000, vip by hand. */
    private void ladder(int graceDays, Map<String, Object> window) {
        tenant = newTenant("KZT", "Asia/Almaty", "ru");
        tenantId = new TenantId(UUID.fromString(tenant.id()));
        Api.Response r = api.put(tenant.adminKey(), "/api/v1/tiers", json(
                "metric", "spend", "window", window, "graceDays", graceDays,
                "levels", List.of(
                        json("code", "base", "name", "Base", "threshold", "0"),
                        json("code", "silver", "name", "Silver", "threshold", "5000.00"),
                        json("code", "gold", "name", "Gold", "threshold", "20000.00"),
                        json("code", "vip", "name", "VIP", "manual", true))));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    private void ladder(int graceDays) {
        ladder(graceDays, json("type", "rolling_months", "months", 12));
    }

    private MemberId member() {
        return new MemberId(UUID.fromString(newMember(tenant)));
    }

    private TierChange buy(MemberId member, String spend) {
        return buy(member, Ids.next(), spend);
    }

    private TierChange buy(MemberId member, UUID purchaseId, String spend) {
        Instant now = clock.instant();
        return tiers.afterPurchase(tenantId, member, purchaseId, new BigDecimal(spend), 0, now, now).orElseThrow();
    }

    private JsonNode tier(MemberId member) {
        Api.Response r = api.get(tenant.adminKey(), "/api/v1/members/" + member + "/tier");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private String level(MemberId member) {
        return tiers.current(tenantId, member).orElseThrow().level().code();
    }

    private JsonNode history(MemberId member) {
        return api.get(tenant.adminKey(), "/api/v1/members/" + member + "/tier/history").json().path("items");
    }

    @Test
    void theCrossingPurchaseIsPricedAtTheOldLevelAndTheMemberIsUpFromTheNext() {
        ladder(30);
        MemberId m = member();
        assertThat(tiers.current(tenantId, m)).map(t -> t.level().code()).contains("base");
        assertThat(buy(m, "3000")).isEqualTo(new TierChange("base", false));
        clock.advance(Duration.ofDays(3));

        UUID crossing = Ids.next();
        // The purchase flow priced this one with current() before calling afterPurchase: base.
        assertThat(buy(m, crossing, "2500.00")).isEqualTo(new TierChange("silver", true));
        assertThat(level(m)).isEqualTo("silver");
        assertThat(tier(m).toString()).isEqualTo(
                "{\"code\":\"silver\",\"name\":\"Silver\",\"nextTier\":\"gold\",\"progress\":\"0.27\",\"remaining\":\"14500.00\"}");
        clock.advance(Duration.ofDays(1));
        assertThat(buy(m, "100")).isEqualTo(new TierChange("silver", false));

        JsonNode items = history(m);
        assertThat(items).hasSize(1);
        assertThat(items.get(0).path("from").asString()).isEqualTo("base");
        assertThat(items.get(0).path("to").asString()).isEqualTo("silver");
        assertThat(items.get(0).path("reason").asString()).isEqualTo("qualified");
        assertThat(items.get(0).path("message").asString()).isEqualTo("Новый уровень «Silver»: порог уровня достигнут");
        assertThat(items.get(0).path("actor").asString()).isEqualTo("system");
        assertThat(items.get(0).path("purchaseId").asString()).isEqualTo(crossing.toString());
        assertThat(items.get(0).path("at").asString()).isEqualTo("2026-11-25T14:00:00+05:00");
    }

    @Test
    void oneBigPurchaseGoesStraightPastTheLevelsBetween() {
        ladder(30);
        MemberId m = member();
        assertThat(buy(m, "25000")).isEqualTo(new TierChange("gold", true));
        assertThat(history(m)).hasSize(1);
        assertThat(tier(m).path("nextTier").isNull()).isTrue();
    }

    @Test
    void aRecordedPurchaseIsNotCountedTwice() {
        ladder(30);
        MemberId m = member();
        UUID purchase = Ids.next();
        assertThat(buy(m, purchase, "4000")).isEqualTo(new TierChange("base", false));
        assertThat(buy(m, purchase, "4000")).isEqualTo(new TierChange("base", false));
        assertThat(tier(m).path("remaining").asString()).isEqualTo("1000.00");
    }

    @Test
    void aMemberMovesDownAtAReevaluationOnlyAfterTheGracePeriod() {
        ladder(30);
        MemberId m = member();
        MemberId steady = member();
        buy(m, "25000");
        buy(steady, "25000");
        clock.advance(Duration.ofDays(300));
        buy(steady, "21000");

        // 13 months on, m's purchase has left the window: below gold, but only the grace period starts.
        clock.set(START.atZone(ALMATY).plusMonths(13).toInstant());
        Instant graceStart = clock.instant();
        assertThat(tiers.reevaluate(tenantId, clock.instant())).isZero();
        assertThat(level(m)).isEqualTo("gold");
        assertThat(level(steady)).isEqualTo("gold");
        assertThat(tiers.current(tenantId, m).orElseThrow().belowSince()).isEqualTo(graceStart);
        assertThat(tiers.current(tenantId, steady).orElseThrow().belowSince()).isNull();

        clock.advance(Duration.ofDays(29));
        assertThat(tiers.reevaluate(tenantId, clock.instant())).isZero();
        assertThat(tiers.current(tenantId, m).orElseThrow().belowSince()).as("the grace keeps its start").isEqualTo(graceStart);
        assertThat(level(m)).isEqualTo("gold");

        clock.advance(Duration.ofDays(1));
        assertThat(tiers.reevaluate(tenantId, clock.instant())).isEqualTo(1);
        assertThat(level(m)).as("nothing left in the window: down to the entry level").isEqualTo("base");
        assertThat(tiers.current(tenantId, m).orElseThrow().belowSince()).isNull();
        assertThat(level(steady)).isEqualTo("gold");
        JsonNode last = history(m).get(0);
        assertThat(last.path("from").asString()).isEqualTo("gold");
        assertThat(last.path("to").asString()).isEqualTo("base");
        assertThat(last.path("reason").asString()).isEqualTo("grace_ended");
        assertThat(tiers.reevaluate(tenantId, clock.instant())).as("a second run finds nothing to do").isZero();
    }

    @Test
    void aPurchaseBackAboveTheThresholdEndsTheGracePeriod() {
        ladder(30);
        MemberId m = member();
        buy(m, "25000");
        clock.set(START.atZone(ALMATY).plusMonths(13).toInstant());
        tiers.reevaluate(tenantId, clock.instant());
        assertThat(tiers.current(tenantId, m).orElseThrow().belowSince()).isNotNull();

        clock.advance(Duration.ofDays(10));
        assertThat(buy(m, "20000")).isEqualTo(new TierChange("gold", false));
        assertThat(tiers.current(tenantId, m).orElseThrow().belowSince()).isNull();
        clock.advance(Duration.ofDays(25));
        tiers.reevaluate(tenantId, clock.instant());
        assertThat(level(m)).isEqualTo("gold");
    }

    @Test
    void aVipIsNeverTouchedByTheReevaluationNorByPurchases() {
        ladder(0);
        MemberId m = member();
        Api.Response r = api.put(tenant.adminKey(), "/api/v1/members/" + m + "/tier",
                json("code", "vip", "reason", "The owner's friend"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(buy(m, "50000")).isEqualTo(new TierChange("vip", false));

        clock.advance(Duration.ofDays(800));
        assertThat(tiers.reevaluate(tenantId, clock.instant())).isZero();
        assertThat(level(m)).isEqualTo("vip");
        assertThat(tiers.current(tenantId, m).orElseThrow().manual()).isTrue();
        assertThat(history(m)).hasSize(1);
    }

    @Test
    void aReturnThatUndoesTheQualificationActsAtTheNextReevaluationNotAtOnce() {
        ladder(0);
        MemberId m = member();
        UUID purchase = Ids.next();
        assertThat(buy(m, purchase, "6000")).isEqualTo(new TierChange("silver", true));
        clock.advance(Duration.ofHours(2));

        tiers.afterReturn(tenantId, m, purchase, Ids.next(), new BigDecimal("6000"), 0, clock.instant());
        assertThat(level(m)).as("still silver right after the return").isEqualTo("silver");
        assertThat(tier(m).path("code").asString()).isEqualTo("silver");
        assertThat(tier(m).path("remaining").asString()).as("the value already counts the return").isEqualTo("20000.00");

        clock.advance(Duration.ofHours(12));
        assertThat(tiers.reevaluate(tenantId, clock.instant())).isEqualTo(1);
        assertThat(level(m)).isEqualTo("base");
        assertThat(history(m).get(0).path("reason").asString()).isEqualTo("grace_ended");
    }

    @Test
    void aReturnLeavesTheSameWindowsAsItsPurchase() {
        ladder(0);
        MemberId m = member();
        UUID old = Ids.next();
        buy(m, old, "3000");
        clock.advance(Duration.ofDays(200));
        buy(m, "5000");
        assertThat(level(m)).isEqualTo("silver");
        // The first purchase is returned 11 months after it was made; a month later it leaves the window.
        clock.set(START.atZone(ALMATY).plusMonths(11).toInstant());
        tiers.afterReturn(tenantId, m, old, Ids.next(), new BigDecimal("3000"), 0, clock.instant());
        clock.set(START.atZone(ALMATY).plusMonths(12).plusDays(1).toInstant());
        tiers.reevaluate(tenantId, clock.instant());
        // Dated at the purchase, the return left with it: the 5000 bought later still keeps silver.
        assertThat(level(m)).isEqualTo("silver");
        assertThat(tier(m).path("remaining").asString()).isEqualTo("15000.00");
    }

    @Test
    void anActivityCountsUntilExactlyTwelveMonthsLater() {
        ladder(0);
        MemberId m = member();
        buy(m, "5000");
        clock.set(START.atZone(ALMATY).plusMonths(12).toInstant());
        assertThat(tier(m).path("progress").asString()).isEqualTo("0.25");
        assertThat(tiers.reevaluate(tenantId, clock.instant())).isZero();
        assertThat(level(m)).isEqualTo("silver");

        clock.advance(Duration.ofNanos(1000));
        assertThat(tier(m).path("progress").asString()).isEqualTo("0.00");
        assertThat(tiers.reevaluate(tenantId, clock.instant())).isEqualTo(1);
        assertThat(level(m)).isEqualTo("base");
    }

    @Test
    void aCalendarYearEndsAtMidnightInTheTenantsZone() {
        ladder(0, json("type", "calendar_year"));
        MemberId m = member();
        clock.set(Instant.parse("2026-12-31T18:00:00Z")); // 23:00 on 31 December in Almaty
        buy(m, "6000");
        assertThat(tiers.reevaluate(tenantId, clock.instant())).isZero();
        assertThat(level(m)).isEqualTo("silver");

        clock.set(Instant.parse("2026-12-31T23:30:00Z")); // still 2026 in UTC, already 2027 in Almaty
        assertThat(tiers.reevaluate(tenantId, clock.instant())).isEqualTo(1);
        assertThat(level(m)).isEqualTo("base");
    }

    @Test
    void thresholdsLoweredByTheOwnerMoveMembersUpAtTheNextReevaluation() {
        ladder(30);
        MemberId m = member();
        buy(m, "4000");
        api.put(tenant.adminKey(), "/api/v1/tiers", json("metric", "spend",
                "window", json("type", "rolling_months", "months", 12), "graceDays", 30, "levels", List.of(
                        json("code", "base", "name", "Base", "threshold", "0"),
                        json("code", "silver", "name", "Silver", "threshold", "3000"))));
        assertThat(level(m)).isEqualTo("base");
        assertThat(tiers.reevaluate(tenantId, clock.instant())).isEqualTo(1);
        assertThat(level(m)).isEqualTo("silver");
        assertThat(history(m).get(0).path("reason").asString()).isEqualTo("qualified");
    }

    @Test
    void membersOnALevelTakenOutOfTheLadderMoveAtOnce() {
        ladder(30);
        MemberId gold = member();
        MemberId vip = member();
        MemberId silver = member();
        buy(gold, "25000");
        buy(silver, "6000");
        tiers.assign(tenantId, vip, "vip", "Friend", "key:test", clock.instant());

        Api.Response r = api.put(tenant.adminKey(), "/api/v1/tiers", json("metric", "spend",
                "window", json("type", "rolling_months", "months", 12), "graceDays", 30, "levels", List.of(
                        json("code", "base", "name", "Base", "threshold", "0"),
                        json("code", "silver", "name", "Silver", "threshold", "5000.00"))));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(level(gold)).isEqualTo("silver");
        assertThat(level(vip)).isEqualTo("base");
        assertThat(level(silver)).isEqualTo("silver");
        JsonNode change = history(gold).get(0);
        assertThat(change.path("reason").asString()).isEqualTo("level_removed");
        assertThat(change.path("fromName").asString()).as("a removed level is shown by its code").isEqualTo("gold");
        assertThat(history(silver)).hasSize(1);
    }

    @Test
    void activityBeforeTheLadderExistsCountsOnceItDoes() {
        tenant = newTenant("KZT", "Asia/Almaty", "ru");
        tenantId = new TenantId(UUID.fromString(tenant.id()));
        MemberId m = member();
        Instant now = clock.instant();
        assertThat(tiers.afterPurchase(tenantId, m, Ids.next(), new BigDecimal("7000"), 0, now, now)).isEmpty();
        assertThat(tiers.current(tenantId, m)).isEmpty();
        assertThat(tiers.progress(tenantId, m, now)).isEmpty();

        api.put(tenant.adminKey(), "/api/v1/tiers", json("metric", "spend", "window", json("type", "lifetime"),
                "levels", List.of(json("code", "base", "name", "Base", "threshold", "0"),
                        json("code", "silver", "name", "Silver", "threshold", "5000")))); // no member_tier row yet
        assertThat(tiers.progress(tenantId, m, now)).map(TierProgress::code).contains("base");
        assertThat(buy(m, "1")).isEqualTo(new TierChange("silver", true));
    }

    @Test
    void concurrentFirstPurchasesOfOneMemberMoveThemUpOnce() throws Exception {
        ladder(30);
        MemberId m = member();
        List<CompletableFuture<TierChange>> buys = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            buys.add(CompletableFuture.supplyAsync(() -> buy(m, "1000")));
        }
        long changed = 0;
        for (CompletableFuture<TierChange> b : buys) {
            changed += b.get().changed() ? 1 : 0;
        }
        assertThat(changed).isEqualTo(1);
        assertThat(level(m)).isEqualTo("silver");
        assertThat(history(m)).hasSize(1);
        assertThat(tier(m).path("remaining").asString()).isEqualTo("12000.00");
    }

    @Test
    void reevaluatingAllTenantsCoversEachTenantWithTiers() {
        ladder(0);
        MemberId m = member();
        buy(m, "6000");
        clock.set(START.atZone(ALMATY).plusMonths(13).toInstant());
        assertThat(tiers.reevaluateAll(clock.instant())).isGreaterThanOrEqualTo(1);
        assertThat(level(m)).isEqualTo("base");
        assertThat(tiers.ladder(tenantId).version()).isEqualTo(1);
    }
}
