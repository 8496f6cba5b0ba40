package io.kopilka.notification.internal;

import io.kopilka.notification.Channel;
import io.kopilka.notification.NoticeKind;
import io.kopilka.notification.NotificationSettings;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The settings as stored in {@code notification_settings.settings}: a shape of their own, not the API's,
 * with every field optional so that a setting added later reads as its default from older rows.
 */
record StoredSettings(Boolean email, Boolean sms, String telegramUsername, String telegramBotToken,
                      List<String> channelOrder, String quietFrom, String quietTo, Integer balanceEveryDays,
                      Long balanceMinPoints, Integer maxMarketingPerWeek, Boolean pointsEarned,
                      Long expiryReminderMinPoints, Integer couponReminderDays, List<String> disabledKinds,
                      Boolean balanceReminderOff) {

    static StoredSettings of(NotificationSettings s) {
        var quiet = s.quietHours();
        var balance = s.balanceReminder();
        return new StoredSettings(s.email(), s.sms(), s.telegram() == null ? null : s.telegram().username(),
                s.telegram() == null ? null : s.telegram().botToken(),
                s.channelOrder().stream().map(Channel::code).toList(),
                quiet == null ? "" : quiet.from().toString(), quiet == null ? "" : quiet.to().toString(),
                balance == null ? null : balance.everyDays(), balance == null ? null : balance.minPoints(),
                s.maxMarketingPerWeek(), s.pointsEarned(), s.expiryReminderMinPoints(), s.couponReminderDays(),
                s.disabledKinds().stream().map(NoticeKind::code).sorted().toList(), balance == null);
    }

    NotificationSettings toSettings() {
        NotificationSettings d = NotificationSettings.defaults();
        NotificationSettings.QuietHours quiet = quietFrom == null ? d.quietHours()
                : quietFrom.isEmpty() ? null : new NotificationSettings.QuietHours(LocalTime.parse(quietFrom),
                LocalTime.parse(quietTo));
        NotificationSettings.BalanceReminder balance = Boolean.TRUE.equals(balanceReminderOff) ? null
                : balanceEveryDays == null ? d.balanceReminder()
                : new NotificationSettings.BalanceReminder(balanceEveryDays, balanceMinPoints);
        return new NotificationSettings(
                email == null ? d.email() : email,
                sms == null ? d.sms() : sms,
                telegramBotToken == null ? null : new NotificationSettings.Telegram(telegramUsername, telegramBotToken),
                channelOrder == null ? d.channelOrder()
                        : channelOrder.stream().map(c -> Channel.valueOf(c.toUpperCase(Locale.ROOT))).toList(),
                quiet, balance,
                maxMarketingPerWeek == null ? d.maxMarketingPerWeek() : maxMarketingPerWeek,
                pointsEarned == null ? d.pointsEarned() : pointsEarned,
                expiryReminderMinPoints == null ? d.expiryReminderMinPoints() : expiryReminderMinPoints,
                couponReminderDays == null ? d.couponReminderDays() : couponReminderDays,
                disabledKinds == null ? d.disabledKinds() : disabledKinds.stream()
                        .map(k -> NoticeKind.valueOf(k.toUpperCase(Locale.ROOT))).collect(Collectors.toSet()));
    }
}
