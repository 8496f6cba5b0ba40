package io.kopilka.tenant.internal;

import io.kopilka.tenant.ApiKeySecret;
import io.kopilka.tenant.ApiKeys;
import io.kopilka.tenant.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads {@code Authorization: Bearer <key>} and, for a valid key, puts its {@link Caller} (or the
 * platform role) into the security context. A missing or wrong key leaves the request anonymous;
 * the access rules then answer 401.
 *
 * <p>Rate limits ({@link RateLimits}): a client address that sent too many wrong keys gets 429
 * until its bucket refills, before anything is looked up, for any key but a tenant key that was valid
 * a moment ago (so one broken till does not lock out its neighbours behind a shared address); a
 * valid key over its request rate gets 429. A key found wrong is remembered for a short while, so
 * the same wrong key sent again is answered without a database query.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {
    private final ApiKeys keys;
    private final PlatformKey platform;
    private final RateLimits limits;

    ApiKeyAuthenticationFilter(ApiKeys keys, PlatformKey platform, RateLimits limits) {
        this.keys = keys;
        this.platform = platform;
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String key = header.substring(7).trim();
            String hash = ApiKeySecret.hash(key);
            String address = request.getRemoteAddr();
            long wait = limits.authBlocked(address);
            if (wait > 0 && !limits.knownGood(hash)) {
                limits.refuse(response, wait, "Too many wrong API keys from this address");
                return;
            }
            Optional<Authenticated> authenticated = resolve(key, hash);
            if (authenticated.isEmpty()) {
                wait = limits.authFailed(address);
                if (wait > 0) {
                    limits.refuse(response, wait, "Too many wrong API keys from this address");
                    return;
                }
            } else {
                Caller caller = (Caller) authenticated.get().getPrincipal();
                wait = limits.request(caller == null ? "platform" : caller.keyId().toString());
                if (wait > 0) {
                    limits.refuse(response, wait, "Too many requests with this key");
                    return;
                }
                authenticate(authenticated.get());
            }
        }
        chain.doFilter(request, response);
    }

    private Optional<Authenticated> resolve(String key, String hash) {
        if (limits.knownWrong(hash)) {
            return Optional.empty();
        }
        Optional<Caller> caller = keys.authenticate(key);
        if (caller.isPresent()) {
            limits.rememberGood(hash);
            return Optional.of(new Authenticated(caller.get(), "ROLE_" + caller.get().role().name()));
        }
        if (platform.matches(key)) {
            return Optional.of(new Authenticated(null, "ROLE_PLATFORM"));
        }
        // Until the platform key is known (the first moments of a start) a miss proves nothing.
        if (platform.loaded()) {
            limits.rememberWrong(hash);
        }
        return Optional.empty();
    }

    private static void authenticate(Authenticated authentication) {
        SecurityContextHolder.getContext().setAuthentication(authentication);
    }

    /** The authentication of a request: its principal is the {@link Caller}, null for the platform key. */
    static final class Authenticated extends AbstractAuthenticationToken {
        private final Caller caller;

        Authenticated(Caller caller, String role) {
            super(List.of(new SimpleGrantedAuthority(role)));
            this.caller = caller;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return caller;
        }
    }
}
