package io.kopilka.memberaccess;

import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import java.time.Duration;
import java.util.Optional;

/**
 * Signing members in to their wallet. A session is a random token in a cookie of the member's
 * device, kept as a hash, valid {@link #SESSION_LIFETIME}: customers do not sign in again at every
 * visit, and a restart of the service signs nobody out.
 */
public interface WalletAccess {
    Duration SESSION_LIFETIME = Duration.ofDays(180);

    /**
     * Sends a sign-in code to the member with this phone (as the customer typed it), through the
     * channel the notification module picks for them. A phone nobody has gets the same answer and
     * nothing is sent, so the form tells nobody who is a member. Refused with {@link CodeRequest#TOO_MANY}
     * past the limits per member and per client address (in this business); 422 for text that is no phone.
     */
    CodeRequest requestCode(TenantId tenant, String phone, String address);

    /** A session token for the member whose live code this is; empty for a wrong, used, expired or exhausted code. */
    Optional<String> signIn(TenantId tenant, String phone, String code);

    /** A session token for a member who has just joined on this device. */
    String startSession(TenantId tenant, MemberId member);

    /** A one-time sign-in link's token (valid a day), e.g. for the demo to print. */
    String signInLink(TenantId tenant, MemberId member);

    /** A session token for a link's token, which is then spent; empty for an unknown, used or expired one. */
    Optional<String> useLink(TenantId tenant, String linkToken);

    /** The member a session token of this tenant's wallet belongs to, while the session is valid. */
    Optional<MemberId> session(TenantId tenant, String token);

    /** Ends the session of this token (this device); nothing for an unknown token. */
    void signOut(TenantId tenant, String token);

    enum CodeRequest {
        /** A code is on its way if the phone is a member's (the answer does not say which). */
        SENT,
        /** Too many codes asked for this phone or from this address lately: try later. */
        TOO_MANY
    }
}
