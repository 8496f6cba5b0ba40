package io.kopilka.member;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * How and from where a consent was given or withdrawn, as its history keeps it: {@code how} is the
 * channel of the request ({@code api}, {@code wallet}, {@code till}, {@code unsubscribe_link}, {@code telegram},
 * {@code import}, {@code erasure}, {@code system}), {@code detail} what identifies the request (the
 * caller's IP and user agent, the API key). The detail is personal data: an erasure empties it.
 */
public record ConsentSource(String how, Map<String, String> detail) {
    private static final int MAX_DETAIL = 300;

    public ConsentSource {
        Map<String, String> kept = new LinkedHashMap<>();
        detail.forEach((key, value) -> {
            if (value != null && !value.isBlank()) {
                kept.put(key, value.length() > MAX_DETAIL ? value.substring(0, MAX_DETAIL) : value);
            }
        });
        detail = Map.copyOf(kept);
    }

    /** A request with an API key: the key's name and id, and the caller's address and user agent. */
    public static ConsentSource api(String keyName, UUID keyId, String ip, String userAgent) {
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("keyName", keyName);
        detail.put("keyId", keyId == null ? null : keyId.toString());
        detail.put("ip", ip);
        detail.put("userAgent", userAgent);
        return new ConsentSource("api", detail);
    }

    /** The member's own action in the tenant's Telegram bot (pressed Start on a link, or blocked the bot). */
    public static ConsentSource telegram(long chatId) {
        return new ConsentSource("telegram", Map.of("chatId", Long.toString(chatId)));
    }

    /** The unsubscribe link of an e-mail, opened (or posted to by the mail client) from this address. */
    public static ConsentSource unsubscribeLink(String ip, String userAgent) {
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("ip", ip);
        detail.put("userAgent", userAgent);
        return new ConsentSource("unsubscribe_link", detail);
    }

    /** The member's own action in the web wallet, from this address and browser. */
    public static ConsentSource wallet(String ip, String userAgent) {
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("ip", ip);
        detail.put("userAgent", userAgent);
        return new ConsentSource("wallet", detail);
    }

    /** Given at the till: which staff account asked, from which device. */
    public static ConsentSource till(UUID staffId, String staffName, String ip, String userAgent) {
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("staffId", staffId == null ? null : staffId.toString());
        detail.put("staffName", staffName);
        detail.put("ip", ip);
        detail.put("userAgent", userAgent);
        return new ConsentSource("till", detail);
    }

    /** The program itself, with no request behind it (the demo's seed, callers of the older signatures). */
    public static ConsentSource system() {
        return new ConsentSource("system", Map.of());
    }
}
