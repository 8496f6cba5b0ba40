package io.kopilka.tenant.internal;

import io.kopilka.tenant.ApiKeySecret;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads {@code Authorization: Bearer <token>} on the actuator endpoints and, when it is the metrics
 * token ({@code KOPILKA_METRICS_TOKEN}), lets the caller in with the role {@code METRICS}. Without a
 * configured token no caller gets that role, so metrics and info stay closed. The comparison is of
 * hashes, in constant time.
 */
class MetricsTokenFilter extends OncePerRequestFilter {
    static final String ROLE = "ROLE_METRICS";

    private final byte[] tokenHash;
    private final RateLimits limits;

    MetricsTokenFilter(String token, RateLimits limits) {
        this.tokenHash = token == null || token.isBlank() ? null : hash(token.strip());
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            // Wrong tokens count against the same per-address limit as wrong API keys.
            String address = request.getRemoteAddr();
            long wait = limits.authBlocked(address);
            if (wait > 0) {
                limits.refuse(response, wait, "Too many wrong tokens from this address");
                return;
            }
            if (tokenHash != null && MessageDigest.isEqual(tokenHash, hash(header.substring(7).trim()))) {
                // A named principal: the health endpoint shows its components only to a request with one.
                SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "metrics", null, List.of(new SimpleGrantedAuthority(ROLE))));
            } else {
                wait = limits.authFailed(address);
                if (wait > 0) {
                    limits.refuse(response, wait, "Too many wrong tokens from this address");
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    private static byte[] hash(String token) {
        return ApiKeySecret.hash(token).getBytes(StandardCharsets.US_ASCII);
    }
}
