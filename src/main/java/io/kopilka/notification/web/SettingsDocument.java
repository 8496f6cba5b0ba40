package io.kopilka.notification.web;

import io.kopilka.notification.Channel;
import io.kopilka.notification.NoticeKind;
import io.kopilka.notification.NotificationSettings;
import io.kopilka.shared.error.ApiProblem;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The settings as the API shows and takes them. A {@code PUT} replaces them: a field left out (or null)
 * takes its default, except the bot's token, which is kept when the bot's username is sent without one (a
 * client that sends back what it read does not drop the bot), and the bot itself, which null removes.
 * Quiet hours from 00:00 to 00:00 are none; the balance reminder is switched off in {@code disabledKinds}.
 */
@Schema(name = "NotificationSettings")
record SettingsDocument(
        @Nullable @Schema(description = "Send e-mail at all [true]") Boolean email,
        @Nullable @Schema(description = "Send SMS at all [true]; they cost money") Boolean sms,
        @Nullable @Schema(description = "Messages that fall inside wait until it ends, in the tenant's time zone; "
                + "from equal to to: none [21:00–09:00]") QuietHours quietHours,
        @Nullable @Schema(description = "Days before points expire that members are reminded: the program's "
                + "field of the same name [[30, 7]]") List<Integer> expiryReminderDays,
        @Nullable @Schema(description = "A reminder of the balance every N days to members with at least M points "
                + "[every 30 days from 100 points]; switched off by `disabledKinds: [\"balance\"]`")
        BalanceReminder balanceReminder,
        @Nullable @Schema(description = "Marketing messages a member gets in any 7 days, at most; service messages "
                + "are not counted [2]") Integer maxMarketingPerWeek,
        @Nullable @Schema(description = "The tenant's own Telegram bot; null: none") Telegram telegram,
        @Nullable @Schema(description = "The first channel a member consented to and can be reached on is used; "
                + "leave out a channel to never use it [telegram, email, sms]") List<String> channelOrder,
        @Nullable @Schema(description = "Announce each purchase's points [false]: the receipt already says it")
        Boolean pointsEarned,
        @Nullable @Schema(description = "No expiry reminder for fewer points than this [1]") Long expiryReminderMinPoints,
        @Nullable @Schema(description = "Days before a coupon expires that its owner is reminded; 0: never [3]")
        Integer couponReminderDays,
        @Nullable @Schema(description = "Kinds not sent at all, e.g. [\"welcome\"]") List<String> disabledKinds) {

    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");
    private static final Pattern BOT_USERNAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{3,30}[Bb][Oo][Tt]");
    private static final Pattern BOT_TOKEN = Pattern.compile("\\d{5,15}:[A-Za-z0-9_-]{30,60}");

    record QuietHours(@Schema(example = "21:00") String from, @Schema(example = "09:00") String to) {
    }

    record BalanceReminder(@Schema(example = "30") Integer everyDays, @Schema(example = "100") Long minPoints) {
    }

    /**
     * @param botToken write-only: shown back as {@code botTokenHint}
     */
    record Telegram(@Schema(example = "barberbro_bot") String username,
                    @Nullable @Schema(description = "From BotFather; write-only", example = "7012345678:AAF…")
                    String botToken,
                    @Nullable @Schema(description = "The token's last characters, to tell bots apart",
                            accessMode = Schema.AccessMode.READ_ONLY, example = "…Xy9Q") String botTokenHint) {
    }

    static SettingsDocument of(NotificationSettings s, List<Integer> expiryReminderDays) {
        var quiet = s.quietHours();
        var balance = s.balanceReminder();
        var bot = s.telegram();
        return new SettingsDocument(s.email(), s.sms(),
                quiet == null ? null : new QuietHours(quiet.from().toString(), quiet.to().toString()),
                expiryReminderDays,
                balance == null ? null : new BalanceReminder(balance.everyDays(), balance.minPoints()),
                s.maxMarketingPerWeek(),
                bot == null ? null : new Telegram(bot.username(), null, hint(bot.botToken())),
                s.channelOrder().stream().map(Channel::code).toList(), s.pointsEarned(), s.expiryReminderMinPoints(),
                s.couponReminderDays(), s.disabledKinds().stream().map(NoticeKind::code).sorted().toList());
    }

    static String hint(String token) {
        return "…" + token.substring(Math.max(0, token.length() - 4));
    }

    /** The settings this document asks for, given those in force (for the kept bot token); 422 listing every problem. */
    NotificationSettings toSettings(NotificationSettings current) {
        NotificationSettings d = NotificationSettings.defaults();
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        NotificationSettings.QuietHours quiet = d.quietHours();
        if (quietHours != null) {
            String from = time(quietHours.from(), "quietHours.from", errors);
            String to = time(quietHours.to(), "quietHours.to", errors);
            quiet = from == null || to == null ? null
                    : new NotificationSettings.QuietHours(LocalTime.parse(from), LocalTime.parse(to));
        }
        NotificationSettings.BalanceReminder balance = d.balanceReminder();
        if (balanceReminder != null) {
            Integer every = balanceReminder.everyDays();
            Long min = balanceReminder.minPoints();
            if (every == null || every < 1 || every > 365) {
                errors.add(new ApiProblem.FieldError("balanceReminder.everyDays", "must be between 1 and 365"));
            }
            if (min == null || min < 0 || min > 1_000_000_000L) {
                errors.add(new ApiProblem.FieldError("balanceReminder.minPoints", "must be between 0 and 1000000000"));
            }
            balance = every == null || min == null ? null : new NotificationSettings.BalanceReminder(every, min);
        }
        int cap = maxMarketingPerWeek == null ? d.maxMarketingPerWeek() : maxMarketingPerWeek;
        if (cap < 0 || cap > 50) {
            errors.add(new ApiProblem.FieldError("maxMarketingPerWeek", "must be between 0 and 50"));
        }
        long minPoints = expiryReminderMinPoints == null ? d.expiryReminderMinPoints() : expiryReminderMinPoints;
        if (minPoints < 0 || minPoints > 1_000_000_000L) {
            errors.add(new ApiProblem.FieldError("expiryReminderMinPoints", "must be between 0 and 1000000000"));
        }
        int couponDays = couponReminderDays == null ? d.couponReminderDays() : couponReminderDays;
        if (couponDays < 0 || couponDays > 90) {
            errors.add(new ApiProblem.FieldError("couponReminderDays", "must be between 0 and 90"));
        }
        if (expiryReminderDays != null && new HashSet<>(expiryReminderDays).size() != expiryReminderDays.size()) {
            errors.add(new ApiProblem.FieldError("expiryReminderDays", "must not name a day twice"));
        }
        List<Channel> order = channelOrder == null ? d.channelOrder() : channels(errors);
        Set<NoticeKind> off = disabledKinds == null ? d.disabledKinds() : kinds(errors);
        NotificationSettings.Telegram bot = telegram == null ? null : bot(current, errors);
        if (!errors.isEmpty()) {
            throw new ApiProblem(422, "validation_failed", "The notification settings are invalid", errors, Map.of());
        }
        return new NotificationSettings(email == null ? d.email() : email, sms == null ? d.sms() : sms, bot, order,
                quiet, balance, cap, pointsEarned == null ? d.pointsEarned() : pointsEarned, minPoints, couponDays, off);
    }

    private static String time(String value, String field, List<ApiProblem.FieldError> errors) {
        if (value == null || !TIME.matcher(value).matches()) {
            errors.add(new ApiProblem.FieldError(field, "must be a time of day as HH:mm"));
            return null;
        }
        try {
            LocalTime.parse(value);
            return value;
        } catch (DateTimeParseException e) {
            errors.add(new ApiProblem.FieldError(field, "must be a time of day as HH:mm"));
            return null;
        }
    }

    private List<Channel> channels(List<ApiProblem.FieldError> errors) {
        Set<Channel> order = new LinkedHashSet<>();
        for (int i = 0; i < channelOrder.size(); i++) {
            String name = channelOrder.get(i);
            var channel = name == null ? null : Channel.fromCode(name.toLowerCase(Locale.ROOT)).orElse(null);
            if (channel == null || !order.add(channel)) {
                errors.add(new ApiProblem.FieldError("channelOrder[" + i + "]",
                        channel == null ? "must be one of telegram, email, sms" : "must not name a channel twice"));
            }
        }
        return List.copyOf(order);
    }

    private Set<NoticeKind> kinds(List<ApiProblem.FieldError> errors) {
        Set<NoticeKind> kinds = new HashSet<>();
        for (int i = 0; i < disabledKinds.size(); i++) {
            String name = disabledKinds.get(i);
            var kind = name == null ? null : NoticeKind.fromCode(name).orElse(null);
            if (kind == null) {
                errors.add(new ApiProblem.FieldError("disabledKinds[" + i + "]", "is not a kind of message"));
            } else {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    private NotificationSettings.Telegram bot(NotificationSettings current, List<ApiProblem.FieldError> errors) {
        // "@barberbro_bot", as Telegram shows it, is the same bot.
        String username = telegram.username() == null ? null : telegram.username().replaceFirst("^@", "");
        if (username == null || !BOT_USERNAME.matcher(username).matches()) {
            errors.add(new ApiProblem.FieldError("telegram.username",
                    "must be the bot's username from BotFather: 5 to 32 letters, digits or _, ending in \"bot\""));
        }
        String token = telegram.botToken();
        if (token == null && current.telegram() != null) {
            token = current.telegram().botToken();
        }
        if (token == null || !BOT_TOKEN.matcher(token).matches()) {
            errors.add(new ApiProblem.FieldError("telegram.botToken",
                    "must be the token BotFather gave, like 7012345678:AAF…"));
        }
        return new NotificationSettings.Telegram(username, token);
    }
}
