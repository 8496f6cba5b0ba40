package io.kopilka.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NotificationPolicyTest {
    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    private static final Instant NOON = Instant.parse("2026-12-01T07:00:00Z"); // 12:00 in Almaty (UTC+5)

    private static final NotificationSettings DEFAULTS = NotificationSettings.defaults();

    private static NotificationPolicy.Route email(boolean consented) {
        return new NotificationPolicy.Route(Channel.EMAIL, null, consented, "a@example.kz");
    }

    private static NotificationPolicy.Route sms(boolean consented) {
        return new NotificationPolicy.Route(Channel.SMS, null, consented, "+77011234567");
    }

    private static NotificationPolicy.Route telegram(String unavailable, boolean consented) {
        return new NotificationPolicy.Route(Channel.TELEGRAM, unavailable, consented, null);
    }

    private static NotificationPolicy.Decision decide(NotificationSettings s, NoticeKind kind, boolean marketing,
                                                      long thisWeek, List<NotificationPolicy.Route> routes, Instant at) {
        return NotificationPolicy.decide(s, kind, false, marketing, thisWeek, routes, at, ALMATY);
    }

    @Test
    void the_first_consented_channel_in_the_tenants_order_that_works_carries_it() {
        var d = decide(DEFAULTS, NoticeKind.POINTS_EXPIRING, false, 0,
                List.of(telegram(null, true), email(false), sms(true)), NOON);
        assertThat(d.status()).isEqualTo(NoticeStatus.QUEUED);
        assertThat(d.channel()).isEqualTo(Channel.SMS);
        assertThat(d.to()).isEqualTo("+77011234567");
        assertThat(d.scheduledFor()).isEqualTo(NOON);
        assertThat(d.reason()).isNull();
    }

    @Test
    void without_a_consented_channel_it_is_undeliverable_and_says_why() {
        assertThat(decide(DEFAULTS, NoticeKind.COUPON_ISSUED, true, 0, List.of(email(false), sms(false)), NOON))
                .extracting(NotificationPolicy.Decision::status, NotificationPolicy.Decision::reason)
                .containsExactly(NoticeStatus.UNDELIVERABLE, "no_consent");
        assertThat(decide(DEFAULTS, NoticeKind.COUPON_ISSUED, true, 0,
                List.of(telegram(null, true), email(false)), NOON).reason())
                .isEqualTo("telegram_not_configured");
        var withBot = new NotificationSettings(true, true, new NotificationSettings.Telegram("kopilka_bot", "1:x"),
                DEFAULTS.channelOrder(), null, null, 2, false, 1, 3, Set.of());
        assertThat(decide(withBot, NoticeKind.COUPON_ISSUED, true, 0,
                List.of(telegram("telegram_unreachable", true), email(false)), NOON).reason())
                .isEqualTo("telegram_unreachable");
        var noAddress = new NotificationPolicy.Route(Channel.EMAIL, null, true, null);
        assertThat(decide(DEFAULTS, NoticeKind.COUPON_ISSUED, true, 0, List.of(noAddress), NOON).reason())
                .isEqualTo("no_address");
    }

    @Test
    void a_channel_the_tenant_switched_off_is_skipped() {
        var noSms = new NotificationSettings(true, false, null, DEFAULTS.channelOrder(), null, null, 2, false, 1, 3,
                Set.of());
        var d = decide(noSms, NoticeKind.WELCOME, false, 0, List.of(sms(true)), NOON);
        assertThat(d.status()).isEqualTo(NoticeStatus.UNDELIVERABLE);
        assertThat(d.reason()).isEqualTo("sms_off");
    }

    @Test
    void marketing_needs_its_own_consent_and_stays_under_the_weekly_limit_while_service_messages_always_go() {
        assertThat(decide(DEFAULTS, NoticeKind.WIN_BACK, false, 0, List.of(email(true)), NOON).reason())
                .isEqualTo("no_marketing_consent");
        assertThat(decide(DEFAULTS, NoticeKind.BALANCE, true, 1, List.of(email(true)), NOON).status())
                .isEqualTo(NoticeStatus.QUEUED);
        var third = decide(DEFAULTS, NoticeKind.CHALLENGE_PROGRESS, true, 2, List.of(email(true)), NOON);
        assertThat(third.status()).isEqualTo(NoticeStatus.SUPPRESSED);
        assertThat(third.reason()).isEqualTo("weekly_limit");
        assertThat(decide(DEFAULTS, NoticeKind.POINTS_EXPIRING, false, 99, List.of(email(true)), NOON).status())
                .isEqualTo(NoticeStatus.QUEUED);
    }

    @Test
    void kinds_the_tenant_does_not_send_are_suppressed() {
        assertThat(decide(DEFAULTS, NoticeKind.POINTS_EARNED, false, 0, List.of(email(true)), NOON).reason())
                .isEqualTo("kind_off");
        var noWelcome = new NotificationSettings(true, true, null, DEFAULTS.channelOrder(), null,
                DEFAULTS.balanceReminder(), 2, false, 1, 3, Set.of(NoticeKind.WELCOME));
        assertThat(decide(noWelcome, NoticeKind.WELCOME, false, 0, List.of(email(true)), NOON).reason())
                .isEqualTo("kind_off");
    }

    @Test
    void an_erased_member_is_told_nothing() {
        var d = NotificationPolicy.decide(DEFAULTS, NoticeKind.POINTS_EXPIRING, true, true, 0, List.of(email(true)),
                NOON, ALMATY);
        assertThat(d.status()).isEqualTo(NoticeStatus.UNDELIVERABLE);
        assertThat(d.reason()).isEqualTo("member_erased");
    }

    @Test
    void a_message_queued_at_ten_in_the_evening_in_almaty_leaves_at_nine_in_the_morning() {
        Instant tenPm = Instant.parse("2026-12-01T17:00:00Z"); // 22:00 in Almaty
        var d = decide(DEFAULTS, NoticeKind.POINTS_EXPIRING, false, 0, List.of(email(true)), tenPm);
        assertThat(d.status()).isEqualTo(NoticeStatus.QUEUED);
        assertThat(d.reason()).isEqualTo("quiet_hours");
        assertThat(d.scheduledFor()).isEqualTo(Instant.parse("2026-12-02T04:00:00Z")); // 09:00 the next day
    }

    @Test
    void a_login_code_ignores_quiet_hours_the_member_is_waiting_for_it() {
        Instant lateNight = Instant.parse("2026-12-01T19:30:00Z"); // 00:30 in Almaty
        assertThat(decide(DEFAULTS, NoticeKind.LOGIN_CODE, false, 0, List.of(sms(true)), lateNight).scheduledFor())
                .isEqualTo(lateNight);
    }

    @Test
    void quiet_hours_over_midnight_and_within_a_day() {
        var overnight = new NotificationSettings.QuietHours(LocalTime.of(21, 0), LocalTime.of(9, 0));
        // 03:00 in Almaty: the same morning's 09:00.
        assertThat(NotificationPolicy.afterQuietHours(overnight, Instant.parse("2026-12-01T22:00:00Z"), ALMATY))
                .isEqualTo(Instant.parse("2026-12-02T04:00:00Z"));
        // 09:00 exactly is no longer quiet; 20:59 is not yet.
        Instant nine = Instant.parse("2026-12-02T04:00:00Z");
        assertThat(NotificationPolicy.afterQuietHours(overnight, nine, ALMATY)).isEqualTo(nine);
        Instant beforeNine = Instant.parse("2026-12-02T15:59:00Z");
        assertThat(NotificationPolicy.afterQuietHours(overnight, beforeNine, ALMATY)).isEqualTo(beforeNine);

        var lunch = new NotificationSettings.QuietHours(LocalTime.of(13, 0), LocalTime.of(14, 0));
        assertThat(NotificationPolicy.afterQuietHours(lunch, Instant.parse("2026-12-01T08:30:00Z"), ALMATY))
                .isEqualTo(Instant.parse("2026-12-01T09:00:00Z"));
        assertThat(NotificationPolicy.afterQuietHours(null, NOON, ALMATY)).isEqualTo(NOON);
        var none = new NotificationSettings.QuietHours(LocalTime.of(9, 0), LocalTime.of(9, 0));
        assertThat(NotificationPolicy.afterQuietHours(none, NOON, ALMATY)).isEqualTo(NOON);
    }

    @Test
    void the_end_of_quiet_hours_on_a_day_the_clocks_change_is_a_real_moment() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        var quiet = new NotificationSettings.QuietHours(LocalTime.of(1, 0), LocalTime.of(2, 30));
        // 29 March 2026: 02:00 → 03:00 in Berlin; 02:30 does not exist, the message leaves at 03:30 local.
        Instant oneThirty = Instant.parse("2026-03-29T00:30:00Z");
        assertThat(NotificationPolicy.afterQuietHours(quiet, oneThirty, berlin))
                .isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
    }

    @Test
    void unsubscribe_tokens_name_their_tenant_and_nothing_else_parses() {
        var tenant = new io.kopilka.shared.TenantId(java.util.UUID.randomUUID());
        String token = UnsubscribeTokens.next(tenant);
        assertThat(UnsubscribeTokens.tenantOf(token)).contains(tenant);
        assertThat(UnsubscribeTokens.next(tenant)).isNotEqualTo(token);
        assertThat(UnsubscribeTokens.tenantOf(token.substring(1))).isEmpty();
        assertThat(UnsubscribeTokens.tenantOf(token.replace('_', '-'))).isEmpty();
        assertThat(UnsubscribeTokens.tenantOf("zz" + token.substring(2))).isEmpty();
        assertThat(UnsubscribeTokens.tenantOf(null)).isEmpty();
    }
}
