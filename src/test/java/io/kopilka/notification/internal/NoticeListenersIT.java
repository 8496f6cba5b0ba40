package io.kopilka.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.member.MemberJoined;
import io.kopilka.reward.CouponIssued;
import io.kopilka.reward.CouponSource;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.Names;
import io.kopilka.shared.TenantId;
import io.kopilka.testing.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.AopTestUtils;

/** At least once: a listener run twice for one event tells the member once. */
class NoticeListenersIT extends IntegrationTest {
    // The listeners without their proxies: @ApplicationModuleListener is @Async, and the test calls them as a
    // redelivery would, one run after the other.
    WelcomeNotices welcome;
    CouponNotices coupons;

    @Autowired
    void listeners(WelcomeNotices welcome, CouponNotices coupons) {
        this.welcome = AopTestUtils.getUltimateTargetObject(welcome);
        this.coupons = AopTestUtils.getUltimateTargetObject(coupons);
    }

    private long rows(TestTenant t, String member, String kind) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE tenant_id = :t AND member_id = :m AND kind = :k")
                .param("t", UUID.fromString(t.id())).param("m", UUID.fromString(member)).param("k", kind)
                .query(Long.class).single();
    }

    @Test
    void aRedeliveredEventTellsNothingTwice() {
        TestTenant t = newTenant();
        String member = newMember(t);
        // the join's own delivery first, so the calls below are its redeliveries
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> rows(t, member, "welcome") == 1);
        TenantId tenant = new TenantId(UUID.fromString(t.id()));
        MemberId id = new MemberId(UUID.fromString(member));
        MemberJoined joined = new MemberJoined(tenant, id, null, clock.instant());
        welcome.on(joined);
        welcome.on(joined);
        assertThat(rows(t, member, "welcome")).isEqualTo(1);

        CouponIssued issued = new CouponIssued(tenant, id, UUID.randomUUID(), "ABCD-EFGH-JKLM", UUID.randomUUID(),
                Names.of("Кофе"), CouponSource.REDEMPTION, null, null, clock.instant());
        coupons.on(issued);
        coupons.on(issued);
        assertThat(rows(t, member, "coupon_issued")).isEqualTo(1);

        coupons.on(new CouponIssued(tenant, id, UUID.randomUUID(), "ABCD-EFGH-JKLN", UUID.randomUUID(),
                Names.of("Торт"), CouponSource.BIRTHDAY, null, null, clock.instant()));
        assertThat(rows(t, member, "coupon_issued")).as("a birthday's coupon is told by the birthday").isEqualTo(1);
    }
}
