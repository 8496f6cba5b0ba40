package io.kopilka.web.wallet;

import io.kopilka.memberaccess.WalletAccess;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The cookie that keeps a device signed in to one business's wallet. Its path is that wallet's
 * ({@code /w/{slug}}), so a phone can hold the cards of several businesses and each page gets only
 * its own; HttpOnly (no script reads it), SameSite=Lax, Secure when the request came over TLS.
 */
public final class WalletCookie {
    public static final String NAME = "KOPILKA_WALLET";

    private WalletCookie() {
    }

    public static void set(HttpServletRequest request, HttpServletResponse response, String slug, String token) {
        response.addCookie(cookie(request, slug, token, WalletAccess.SESSION_LIFETIME));
    }

    public static void clear(HttpServletRequest request, HttpServletResponse response, String slug) {
        response.addCookie(cookie(request, slug, "", Duration.ZERO));
    }

    public static Optional<String> read(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return Optional.empty();
        }
        for (Cookie c : request.getCookies()) {
            if (NAME.equals(c.getName()) && !c.getValue().isBlank()) {
                return Optional.of(c.getValue());
            }
        }
        return Optional.empty();
    }

    /** The slug a wallet address names: {@code /w/{slug}} or {@code /w/{slug}/…}; empty for any other path. */
    public static Optional<String> slugOf(String path) {
        if (path == null || !path.startsWith("/w/")) {
            return Optional.empty();
        }
        int end = path.indexOf('/', 3);
        String slug = end < 0 ? path.substring(3) : path.substring(3, end);
        return slug.isEmpty() ? Optional.empty() : Optional.of(slug);
    }

    private static Cookie cookie(HttpServletRequest request, String slug, String value, Duration maxAge) {
        Cookie cookie = new Cookie(NAME, value);
        cookie.setPath("/w/" + slug);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setMaxAge((int) maxAge.toSeconds());
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }
}
