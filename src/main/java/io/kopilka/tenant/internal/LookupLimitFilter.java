package io.kopilka.tenant.internal;

import io.kopilka.shared.web.RawQuery;
import io.kopilka.tenant.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits member look-ups by card or phone ({@code GET /api/v1/members?card=...|phone=...}, and quotes
 * and purchases, which answer 404 for a member nobody has) that find nobody, per API key: card
 * numbers and phones are short enough to guess, and a miss is what a guesser sees most. A till out of
 * tokens cannot quote or sell until the bucket refills (one token every 3 s by default): twenty
 * misses a minute is no cashier's typing. Each look-up takes a token up front and gives it back when it was not a 404; a
 * key out of tokens gets 429 for every look-up, hits included, until the bucket refills.
 *
 * <p>Admin keys are not limited here: they may list every member anyway, so guessing gains them
 * nothing, and a CRM that checks many phones for existing members must not be stopped. Their
 * requests still count against the per-key request limit.
 */
class LookupLimitFilter extends OncePerRequestFilter {
    /** GET, and HEAD, which Spring MVC serves with the same handler; the access matrix uses it too. */
    static final RequestMatcher MEMBER_SEARCH = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/api/v1/members"),
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.HEAD, "/api/v1/members"));
    /** A quote or a purchase naming a member by phone or card answers 404 when nobody has it: a look-up too. */
    private static final RequestMatcher PURCHASE = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/v1/purchases"),
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/v1/purchases/quote"));

    private final RateLimits limits;

    LookupLimitFilter(RateLimits limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication != null && authentication.getPrincipal() instanceof Caller caller)
                || caller.isAdmin()
                || !(PURCHASE.matches(request)
                     || MEMBER_SEARCH.matches(request) && RawQuery.namesAny(request, "card", "phone"))) {
            chain.doFilter(request, response);
            return;
        }
        String key = caller.keyId().toString();
        long wait = limits.lookup(key);
        if (wait > 0) {
            limits.refuse(response, wait, "Too many look-ups of members that do not exist with this key");
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() != HttpServletResponse.SC_NOT_FOUND) {
            limits.lookupFound(key);
        }
    }
}
