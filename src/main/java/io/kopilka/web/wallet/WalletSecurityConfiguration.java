package io.kopilka.web.wallet;

import io.kopilka.memberaccess.WalletAccess;
import io.kopilka.memberaccess.WalletMember;
import io.kopilka.tenant.Tenants;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;

/**
 * The customer wallet's chain ({@code /w/**}): the pages to join, to sign in and to read how the
 * program works are open; every other page of a business's wallet needs a device signed in to it
 * ({@link WalletSessionFilter}). No server session is made: the CSRF token lives in a cookie too,
 * so a restart or a second instance changes nothing for a customer's phone.
 */
@Configuration(proxyBeanMethods = false)
class WalletSecurityConfiguration {

    @Bean
    @Order(4)
    SecurityFilterChain wallet(HttpSecurity http, WalletAccess access, Tenants tenants) throws Exception {
        http.securityMatcher("/w/**")
                .addFilterAfter(new WalletSessionFilter(access, tenants), SecurityContextHolderFilter.class)
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .sessionManagement(s -> s.disable()) // no server session, and so no CSRF token turned over at each request
                .csrf(c -> c.csrfTokenRepository(new CookieCsrfTokenRepository()))
                .requestCache(c -> c.disable())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> toSignIn(request, response))
                        .accessDeniedHandler((request, response, ex) -> {
                            // A form without its token (an old tab, a cookie wiped): shown again, fresh.
                            response.setStatus(403);
                            request.getRequestDispatcher("/w/" + slug(request).orElse("") + "/expired")
                                    .forward(request, response);
                        }))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/w/*/join", "/w/*/signin", "/w/*/signin/**", "/w/*/how", "/w/*/expired",
                                "/w/*/manifest.webmanifest").permitAll()
                        .anyRequest().access((authentication, context) -> new AuthorizationDecision(
                                authentication.get() instanceof WalletAuthentication signedIn
                                        && ownWallet(signedIn.getPrincipal(), context.getRequest()))));
        return http.build();
    }

    private static boolean ownWallet(WalletMember member, HttpServletRequest request) {
        return slug(request).map(member.slug()::equals).orElse(false);
    }

    private static Optional<String> slug(HttpServletRequest request) {
        return WalletCookie.slugOf(request.getRequestURI());
    }

    private static void toSignIn(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String signIn = "/w/" + slug(request).orElse("") + "/signin";
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", signIn);
            response.setStatus(401);
        } else {
            response.sendRedirect(signIn);
        }
    }
}
