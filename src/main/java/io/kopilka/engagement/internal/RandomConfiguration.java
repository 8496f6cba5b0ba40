package io.kopilka.engagement.internal;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The draw of surprises; tests put a seeded generator in its place. */
@Configuration(proxyBeanMethods = false)
class RandomConfiguration {
    @Bean
    @ConditionalOnMissingBean
    RandomGenerator challengeRandom() {
        return new SecureRandom(); // thread-safe, unlike most generators
    }
}
