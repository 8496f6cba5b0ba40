package io.kopilka.web.admin.business;

import io.kopilka.notification.Channel;
import io.kopilka.notification.NoticeKind;
import io.kopilka.notification.NotificationSettings;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.shared.error.ApiProblem.FieldError;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The notification settings as the console's form sends them, every field a text: read into the
 * module's {@link NotificationSettings} (with the program's reminder days beside them) with the same
 * ranges and the same English sentences as the API's {@code PUT}, so the bundles' field errors apply.
 * Blank quiet hours are none; a blank bot token keeps the bot's token in force.
 */
record SettingsForm(boolean email, boolean sms, String quietFrom, String quietTo, String expiryReminderDays,
                    boolean balanceOn, String balanceEveryDays, String balanceMinPoints, String maxMarketingPerWeek,
                    String botUsername, String botToken, List<String> channelOrder, boolean pointsEarned,
                    String expiryReminderMinPoints, String couponReminderDays, List<String> sentKinds) {
    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");
    private static final Pattern BOT_USERNAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{3,30}[Bb][Oo][Tt]");
    private static final Pattern BOT_TOKEN = Pattern.compile("\\d{5,15}:[A-Za-z0-9_-]{30,60}");

    /** What was read: the settings, and the program's reminder days. */
    record Read(NotificationSettings settings, List<Integer> expiryReminderDays) {
    }

    static SettingsForm of(NotificationSettings s, List<Integer> reminderDays) {
        var quiet = s.quietHours();
        var balance = s.balanceReminder();
        List<String> sent = new ArrayList<>();
        for (NoticeKind kind : NoticeKind.values()) {
            if (!s.disabledKinds().contains(kind)) {
                sent.add(kind.code());
            }
        }
        return new SettingsForm(s.email(), s.sms(), quiet == null ? "" : quiet.from().toString(),
                quiet == null ? "" : quiet.to().toString(),
                String.join(", ", reminderDays.stream().map(String::valueOf).toList()),
                !s.disabledKinds().contains(NoticeKind.BALANCE),
                balance == null ? "30" : String.valueOf(balance.everyDays()),
                balance == null ? "100" : String.valueOf(balance.minPoints()), String.valueOf(s.maxMarketingPerWeek()),
                s.telegram() == null ? "" : s.telegram().username(), "",
                s.channelOrder().stream().map(Channel::code).toList(), s.pointsEarned(),
                String.valueOf(s.expiryReminderMinPoints()), String.valueOf(s.couponReminderDays()), sent);
    }

    /** The settings and days this form asks for; 422 naming every field that is wrong. */
    Read read(NotificationSettings current) {
        List<FieldError> errors = new ArrayList<>();
        NotificationSettings.QuietHours quiet = null;
        if (!quietFrom.isBlank() || !quietTo.isBlank()) {
            LocalTime from = time(quietFrom, "quietHours.from", errors);
            LocalTime to = time(quietTo, "quietHours.to", errors);
            quiet = from == null || to == null || from.equals(to) ? null : new NotificationSettings.QuietHours(from, to);
        }
        List<Integer> days = new ArrayList<>();
        for (String part : expiryReminderDays.split("[,;\\s]+")) {
            if (!part.isBlank()) {
                Long day = number(part, "expiryReminderDays", 1, 365, errors);
                if (day != null) {
                    days.add(day.intValue());
                }
            }
        }
        if (new TreeSet<>(days).size() != days.size()) {
            errors.add(new FieldError("expiryReminderDays", "must not name a day twice"));
        }
        Long every = number(balanceEveryDays, "balanceReminder.everyDays", 1, 365, errors);
        Long min = number(balanceMinPoints, "balanceReminder.minPoints", 0, 1_000_000_000L, errors);
        Long cap = number(maxMarketingPerWeek, "maxMarketingPerWeek", 0, 50, errors);
        Long minPoints = number(expiryReminderMinPoints, "expiryReminderMinPoints", 0, 1_000_000_000L, errors);
        Long couponDays = number(couponReminderDays, "couponReminderDays", 0, 90, errors);
        Set<Channel> order = new LinkedHashSet<>();
        for (String code : channelOrder) {
            if (!code.isBlank()) {
                Channel channel = Channel.fromCode(code).orElse(null);
                if (channel == null || !order.add(channel)) {
                    errors.add(new FieldError("channelOrder", channel == null ? "must be one of telegram, email, sms"
                            : "must not name a channel twice"));
                }
            }
        }
        Set<NoticeKind> off = new java.util.HashSet<>(List.of(NoticeKind.values()));
        sentKinds.forEach(code -> NoticeKind.fromCode(code).ifPresent(off::remove));
        if (!balanceOn) {
            off.add(NoticeKind.BALANCE);
        }
        NotificationSettings.Telegram bot = bot(current, errors);
        if (!errors.isEmpty()) {
            throw new ApiProblem(422, "validation_failed", "The notification settings are invalid", errors, Map.of());
        }
        return new Read(new NotificationSettings(email, sms, bot, List.copyOf(order), quiet,
                new NotificationSettings.BalanceReminder(every.intValue(), min), cap.intValue(), pointsEarned, minPoints,
                couponDays.intValue(), off), List.copyOf(days));
    }

    /** The settings as the audit log keeps them: the API's document (a bot's token only as its hint). */
    static Map<String, Object> document(NotificationSettings s, List<Integer> reminderDays) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("email", s.email());
        d.put("sms", s.sms());
        d.put("quietHours", s.quietHours() == null ? null
                : Map.of("from", s.quietHours().from().toString(), "to", s.quietHours().to().toString()));
        d.put("expiryReminderDays", reminderDays);
        d.put("balanceReminder", s.balanceReminder() == null ? null
                : Map.of("everyDays", s.balanceReminder().everyDays(), "minPoints", s.balanceReminder().minPoints()));
        d.put("maxMarketingPerWeek", s.maxMarketingPerWeek());
        d.put("telegram", s.telegram() == null ? null : Map.of("username", s.telegram().username(), "botTokenHint",
                "…" + s.telegram().botToken().substring(Math.max(0, s.telegram().botToken().length() - 4))));
        d.put("channelOrder", s.channelOrder().stream().map(Channel::code).toList());
        d.put("pointsEarned", s.pointsEarned());
        d.put("expiryReminderMinPoints", s.expiryReminderMinPoints());
        d.put("couponReminderDays", s.couponReminderDays());
        d.put("disabledKinds", s.disabledKinds().stream().map(NoticeKind::code).sorted().toList());
        return d;
    }

    private NotificationSettings.Telegram bot(NotificationSettings current, List<FieldError> errors) {
        String username = botUsername.strip().replaceFirst("^@", "");
        if (username.isEmpty()) {
            return null;
        }
        if (!BOT_USERNAME.matcher(username).matches()) {
            errors.add(new FieldError("telegram.username",
                    "must be the bot's username from BotFather: 5 to 32 letters, digits or _, ending in \"bot\""));
        }
        String token = botToken.strip();
        if (token.isEmpty() && current.telegram() != null) {
            token = current.telegram().botToken();
        }
        if (!BOT_TOKEN.matcher(token).matches()) {
            errors.add(new FieldError("telegram.botToken", "must be the token BotFather gave, like 7012345678:AAF…"));
        }
        return new NotificationSettings.Telegram(username, token);
    }

    private static LocalTime time(String text, String field, List<FieldError> errors) {
        String value = text.strip();
        if (!TIME.matcher(value).matches()) {
            errors.add(new FieldError(field, "must be a time of day as HH:mm"));
            return null;
        }
        return LocalTime.parse(value);
    }

    private static Long number(String text, String field, long min, long max, List<FieldError> errors) {
        try {
            long value = Long.parseLong(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below, with the range
        }
        errors.add(new FieldError(field, "must be between " + min + " and " + max));
        return null;
    }
}
