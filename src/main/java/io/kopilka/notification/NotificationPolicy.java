package io.kopilka.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * What becomes of one notice: sent on which channel and when, or why not. Pure: the caller reads the
 * member, the channels and the count of marketing messages, and writes the decision down.
 *
 * <p>The order of the questions matters for the reason the owner reads: a member who withdrew from
 * marketing is told nothing of marketing whatever the channels, and a member over the weekly limit is
 * "suppressed" rather than "undeliverable" even if no channel would have reached them.
 */
public final class NotificationPolicy {
    /** The days the weekly limit counts marketing messages over. */
    public static final int CAP_DAYS = 7;

    private NotificationPolicy() {
    }

    /**
     * One channel as it stands for one member, in the tenant's order.
     *
     * @param unavailable why the tenant cannot use it (e.g. {@code email_not_configured}); null when it can
     * @param consented   whether the member agreed to be reached on it
     * @param address     where the member is on it; null when nowhere
     */
    public record Route(Channel channel, String unavailable, boolean consented, String address) {
    }

    /**
     * @param channel      null unless queued (or suppressed after a channel was known)
     * @param scheduledFor when it may leave: now, or the end of quiet hours
     */
    public record Decision(NoticeStatus status, String reason, Channel channel, String to, Instant scheduledFor) {
        static Decision not(NoticeStatus status, String reason, Instant now) {
            return new Decision(status, reason, null, null, now);
        }
    }

    /**
     * @param marketingConsent   whether the member agreed to marketing messages ({@code consents.marketing})
     * @param marketingThisWeek  marketing messages queued or sent to the member in the last {@link #CAP_DAYS} days
     * @param routes             every channel, in the tenant's order
     */
    public static Decision decide(NotificationSettings settings, NoticeKind kind, boolean erased,
                                  boolean marketingConsent, long marketingThisWeek, List<Route> routes, Instant now,
                                  ZoneId zone) {
        if (erased) {
            return Decision.not(NoticeStatus.UNDELIVERABLE, "member_erased", now);
        }
        if (switchedOff(settings, kind)) {
            return Decision.not(NoticeStatus.SUPPRESSED, "kind_off", now);
        }
        if (kind.marketing() && !marketingConsent) {
            return Decision.not(NoticeStatus.SUPPRESSED, "no_marketing_consent", now);
        }
        if (kind.marketing() && marketingThisWeek >= settings.maxMarketingPerWeek()) {
            return Decision.not(NoticeStatus.SUPPRESSED, "weekly_limit", now);
        }
        String firstRefusal = null;
        for (Route route : routes) {
            if (!route.consented()) {
                continue;
            }
            String refusal = refusal(settings, route);
            if (refusal == null) {
                Instant at = kind == NoticeKind.LOGIN_CODE ? now : afterQuietHours(settings.quietHours(), now, zone);
                return new Decision(NoticeStatus.QUEUED, at.equals(now) ? null : "quiet_hours", route.channel(),
                        route.address(), at);
            }
            if (firstRefusal == null) {
                firstRefusal = refusal;
            }
        }
        return Decision.not(NoticeStatus.UNDELIVERABLE, firstRefusal == null ? "no_consent" : firstRefusal, now);
    }

    /** Whether the tenant does not send this kind at all. */
    public static boolean switchedOff(NotificationSettings settings, NoticeKind kind) {
        return settings.disabledKinds().contains(kind)
                || kind == NoticeKind.POINTS_EARNED && !settings.pointsEarned()
                || kind == NoticeKind.BALANCE && settings.balanceReminder() == null
                || kind == NoticeKind.COUPON_EXPIRING && settings.couponReminderDays() == 0;
    }

    /** Why a consented channel cannot carry the message; null when it can. */
    private static String refusal(NotificationSettings settings, Route route) {
        if (route.channel() == Channel.TELEGRAM && settings.telegram() == null) {
            return "telegram_not_configured"; // the tenant has no bot of its own
        }
        boolean on = switch (route.channel()) {
            case EMAIL -> settings.email();
            case SMS -> settings.sms();
            case TELEGRAM -> true;
        };
        if (!on) {
            return route.channel().code() + "_off";
        }
        if (route.unavailable() != null) {
            return route.unavailable();
        }
        return route.address() == null ? "no_address" : null;
    }

    /**
     * {@code now}, or the end of the quiet hours it falls in, in the tenant's zone. Quiet hours from 21:00 to
     * 09:00 span midnight; from equal to to means none. Across a change of clocks, the end is the first
     * moment the local clock shows it (or the moment after the gap, when it is skipped).
     */
    public static Instant afterQuietHours(NotificationSettings.QuietHours quiet, Instant now, ZoneId zone) {
        if (quiet == null || quiet.from().equals(quiet.to())) {
            return now;
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        LocalDate day = local.toLocalDate();
        boolean spansMidnight = quiet.from().isAfter(quiet.to());
        if (spansMidnight) {
            if (!time.isBefore(quiet.from())) {
                return day.plusDays(1).atTime(quiet.to()).atZone(zone).toInstant();
            }
            return time.isBefore(quiet.to()) ? day.atTime(quiet.to()).atZone(zone).toInstant() : now;
        }
        boolean inside = !time.isBefore(quiet.from()) && time.isBefore(quiet.to());
        return inside ? day.atTime(quiet.to()).atZone(zone).toInstant() : now;
    }
}
