package io.kopilka.notification;

import io.kopilka.tenant.Language;
import java.util.Optional;

/**
 * An e-mail's unsubscribe link ({@code /u/<token>}): which business it is from, in the member's language,
 * and withdrawing the member's e-mail consent when they confirm (or their mail client does, RFC 8058).
 */
public interface Unsubscribes {

    /** The link's business and language; empty for a token of no message. */
    Optional<Link> find(String token);

    /** Withdraws the member's {@code email} consent; empty (and nothing written) for a token of no message. */
    default Optional<Link> confirm(String token) {
        return confirm(token, null, null);
    }

    /** As {@link #confirm(String)}, the consent history keeping the caller's address and user agent. */
    Optional<Link> confirm(String token, String ip, String userAgent);

    record Link(String business, Language language) {
    }
}
