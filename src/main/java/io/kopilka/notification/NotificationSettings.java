package io.kopilka.notification;

import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/**
 * How a tenant talks to its members ({@code GET|PUT /api/v1/notifications/settings}). The lead days of
 * expiry reminders are the program's {@code expiryReminderDays}: one value, kept there.
 *
 * @param email                  whether to send e-mail at all
 * @param sms                    whether to send SMS at all (they cost money)
 * @param telegram               the tenant's own bot; null: none
 * @param channelOrder           the first channel the member can be reached on is used; the dearest last
 * @param quietHours             null: none; messages that fall inside wait until it ends (tenant's zone)
 * @param balanceReminder        null: off
 * @param maxMarketingPerWeek    marketing messages a member gets in any 7 days, at most
 * @param pointsEarned           whether a purchase's points are announced (off by default: the receipt says it)
 * @param expiryReminderMinPoints no expiry reminder for fewer points than this
 * @param couponReminderDays     days before a coupon expires that the member is reminded; 0: never
 * @param disabledKinds          kinds the tenant does not send at all
 */
public record NotificationSettings(boolean email, boolean sms, Telegram telegram, List<Channel> channelOrder,
                                   QuietHours quietHours, BalanceReminder balanceReminder, int maxMarketingPerWeek,
                                   boolean pointsEarned, long expiryReminderMinPoints, int couponReminderDays,
                                   Set<NoticeKind> disabledKinds) {

    public NotificationSettings {
        channelOrder = List.copyOf(channelOrder);
        disabledKinds = Set.copyOf(disabledKinds);
    }

    public static NotificationSettings defaults() {
        return new NotificationSettings(true, true, null, List.of(Channel.TELEGRAM, Channel.EMAIL, Channel.SMS),
                new QuietHours(LocalTime.of(21, 0), LocalTime.of(9, 0)), new BalanceReminder(30, 100), 2, false, 1,
                3, Set.of());
    }

    /** From {@code from} to {@code to} in the tenant's time zone; {@code from} after {@code to} spans midnight. */
    public record QuietHours(LocalTime from, LocalTime to) {
    }

    /** A reminder of the balance every {@code everyDays} days to members with at least {@code minPoints}. */
    public record BalanceReminder(int everyDays, long minPoints) {
    }

    /**
     * The tenant's Telegram bot: {@code botToken} from BotFather (never shown back in full), the bot's
     * {@code username} for the start links members open.
     */
    public record Telegram(String username, String botToken) {
    }
}
