package io.kopilka.web.wallet;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * "How points work" is public: a customer reads it before joining. A chain of its own until the
 * wallet's {@code /w/**} chain exists, which is to take this rule in (and this bean to go).
 */
@Configuration(proxyBeanMethods = false)
class WalletHowSecurity {

    @Bean
    @Order(5)
    SecurityFilterChain walletHowPage(HttpSecurity http) throws Exception {
        http.securityMatcher("/w/*/how")
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }
}
