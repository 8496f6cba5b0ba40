package io.kopilka.tenant.internal;

import io.kopilka.shared.web.ProblemResponses;
import io.kopilka.shared.web.Problems;
import io.kopilka.shared.web.RawQuery;
import io.kopilka.tenant.ApiKeys;
import io.kopilka.tenant.ScreenAccess;
import io.kopilka.tenant.StaffAccounts;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Who may call what. The whole access matrix of the API is here, in one place, so that it can be read
 * and reviewed at a glance: the platform key creates tenants; admin keys configure the program; pos
 * keys serve the till: they look members up and register them, record purchases, quotes and returns,
 * read balances and history, and give points by hand within their key's daily gift limit (which
 * the adjustments and gifts check themselves: it is the program's). What a leaked till key could turn
 * against members (editing a member's phone or e-mail, reissuing a card, moving points between
 * members, taking points) is admin only. Everything outside
 * {@code /api} and the actuator is public (documentation, and the screens, which carry their own
 * sign-in).
 *
 * <p>The screens ({@link #screens}): staff sign in with an e-mail and a password to a session
 * (cookie HttpOnly, SameSite=Lax, Secure when the request came over TLS), every form and htmx
 * request carries a CSRF token, and which pages a role opens is {@link ScreenAccess}'s.
 *
 * <p>The actuator: liveness and readiness are public and say only UP or DOWN; everything else there
 * (metrics, info, the health components and their details) needs the metrics token
 * ({@code KOPILKA_METRICS_TOKEN}), and with no token configured it is closed to everyone.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class ApiSecurityConfiguration {
    private static final String[] ADMIN_ONLY = {
            "/api/v1/api-keys/**", "/api/v1/audit/**", "/api/v1/program/**", "/api/v1/rules/**", "/api/v1/tiers/**",
            "/api/v1/rewards/**", "/api/v1/challenges/**", "/api/v1/webhooks/**", "/api/v1/analytics/**",
            "/api/v1/engagement/**", "/api/v1/jobs/**", "/api/v1/notifications/**", "/api/v1/staff", "/api/v1/staff/**",
            "/api/v1/faq", "/api/v1/faq/**"};

    static final String[] PUBLIC_HEALTH = {"/actuator/health", "/actuator/health/liveness",
            "/actuator/health/readiness"};

    @Bean
    @Order(1)
    SecurityFilterChain management(HttpSecurity http, ProblemResponses problems, RateLimits limits,
                                   @Value("${kopilka.metrics-token:}") String metricsToken) throws Exception {
        http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .addFilterBefore(new MetricsTokenFilter(metricsToken, limits), AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> problems.write(response,
                                Problems.of(401, "unauthorized", metricsToken.isBlank()
                                        ? "Metrics are closed: set KOPILKA_METRICS_TOKEN to open them"
                                        : "The metrics token is required: Authorization: Bearer <token>")))
                        .accessDeniedHandler((request, response, ex) -> problems.write(response,
                                Problems.of(403, "forbidden", "This key may not read metrics"))))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(PUBLIC_HEALTH).permitAll()
                        .anyRequest().hasRole("METRICS"));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, ApiKeys keys, PlatformKey platform, ProblemResponses problems,
                            RateLimits limits) throws Exception {
        http.securityMatcher("/api/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys, platform, limits),
                        AnonymousAuthenticationFilter.class)
                .addFilterAfter(new LookupLimitFilter(limits), ApiKeyAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> problems.write(response,
                                Problems.of(401, "unauthorized", "A valid API key is required: Authorization: Bearer <key>")))
                        .accessDeniedHandler((request, response, ex) -> problems.write(response,
                                Problems.of(403, "forbidden", "This key's role may not do this"))))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.POST, "/api/v1/tenants").hasRole("PLATFORM")
                        // A till shows what is on sale; the rest of the catalog is the admin's.
                        .requestMatchers(HttpMethod.GET, "/api/v1/rewards", "/api/v1/rewards/*")
                        .hasAnyRole("ADMIN", "POS")
                        // A till shows the stamp cards it counts; writing them is the admin's.
                        .requestMatchers(HttpMethod.GET, "/api/v1/challenges", "/api/v1/challenges/*")
                        .hasAnyRole("ADMIN", "POS")
                        .requestMatchers(ADMIN_ONLY).hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/v1/stores").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.PUT, "/api/v1/members/*/tier").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.PATCH, "/api/v1/members/*").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/v1/members/*/consents").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/v1/members/*/card/reissue").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/members/*").hasRole("ADMIN")
                        .requestMatchers("/api/v1/transfers", "/api/v1/transfers/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/v1/coupons/*/cancel").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/v1/causes").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.PUT, "/api/v1/causes/*").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/causes/*").hasRole("ADMIN")
                        .requestMatchers(ApiSecurityConfiguration::listsAllMembers).hasRole("ADMIN")
                        .anyRequest().hasAnyRole("ADMIN", "POS"));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder(@Value("${kopilka.staff.password-strength:12}") int strength) {
        return new BCryptPasswordEncoder(strength);
    }

    @Bean
    @Order(3)
    SecurityFilterChain screens(HttpSecurity http, StaffAccounts accounts, RateLimits limits) throws Exception {
        http.securityMatcher("/admin", "/admin/**", "/till", "/till/**", "/login", "/logout", "/staff/**")
                .authenticationProvider(new StaffAuthenticationProvider(accounts, limits))
                .addFilterAfter(new StaffSessionFilter(accounts), SecurityContextHolderFilter.class)
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .formLogin(f -> f.loginPage("/login").usernameParameter("email").passwordParameter("password")
                        .successHandler((request, response, authentication) -> response.sendRedirect(
                                ScreenAccess.home(((StaffAuthentication) authentication).getPrincipal().role())))
                        .failureHandler((request, response, e) -> response.sendRedirect(
                                e instanceof LockedException ? "/login?locked" : "/login?error")))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut")
                        .deleteCookies("KOPILKA_SESSION"))
                .exceptionHandling(e -> e
                        // An htmx request whose session ended is sent to the sign-in page as a whole page.
                        .defaultAuthenticationEntryPointFor((request, response, ex) -> {
                            response.setHeader("HX-Redirect", "/login");
                            response.setStatus(401);
                        }, request -> request.getHeader("HX-Request") != null)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                AnyRequestMatcher.INSTANCE)
                        .accessDeniedPage("/staff/denied"))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/staff/password/**", "/staff/denied").permitAll()
                        // The till app's service worker and manifest: code and names, nothing of a business; a
                        // browser fetches a manifest without cookies.
                        .requestMatchers(HttpMethod.GET, "/till/sw.js", "/till/manifest.webmanifest").permitAll()
                        .requestMatchers("/logout").authenticated()
                        .anyRequest().access((authentication, context) -> new AuthorizationDecision(
                                authentication.get() instanceof StaffAuthentication staff
                                        && ScreenAccess.allows(staff.getPrincipal().role(),
                                        context.getRequest().getRequestURI()))));
        return http.build();
    }

    /**
     * {@code GET /api/v1/members} without {@code phone} or {@code card} pages through every member's
     * phone and e-mail: a look-up is the till's, the whole list is not.
     */
    private static boolean listsAllMembers(HttpServletRequest request) {
        return LookupLimitFilter.MEMBER_SEARCH.matches(request) && !RawQuery.namesAny(request, "phone", "card");
    }
}
