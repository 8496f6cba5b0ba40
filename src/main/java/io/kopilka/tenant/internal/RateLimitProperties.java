package io.kopilka.tenant.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The API's rate limits, bound from {@code kopilka.rate.*} ({@code KOPILKA_RATE_*}). Each limit is a
 * token bucket: at most {@code capacity} at once, refilled at {@code capacity} per {@code period}.
 *
 * @param enabled             off: no limit is applied (the negative key cache still works)
 * @param failedAuthCapacity  wrong or unknown keys (and metrics tokens) per client address
 * @param failedAuthPeriod    ... per this period
 * @param keyCapacity         requests per API key (and for the platform key)
 * @param keyPeriod           ... per this period
 * @param lookupMissCapacity  member look-ups by card or phone that find nobody (404), per pos key
 * @param lookupMissPeriod    ... per this period
 * @param maxAddresses        client addresses tracked at once for failed authentications; the least
 *                            recently seen are forgotten past it, so memory stays bounded
 * @param wrongKeyCacheTtl    how long a key found wrong is answered 401 without asking the database
 * @param wrongKeyCacheSize   how many such keys are remembered at once
 */
@ConfigurationProperties("kopilka.rate")
record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("20") long failedAuthCapacity,
        @DefaultValue("1m") Duration failedAuthPeriod,
        @DefaultValue("10000") long keyCapacity,
        @DefaultValue("1s") Duration keyPeriod,
        @DefaultValue("20") long lookupMissCapacity,
        @DefaultValue("1m") Duration lookupMissPeriod,
        @DefaultValue("50000") int maxAddresses,
        @DefaultValue("30s") Duration wrongKeyCacheTtl,
        @DefaultValue("10000") int wrongKeyCacheSize) {

    RateLimitProperties {
        require(failedAuthCapacity >= 1 && keyCapacity >= 1 && lookupMissCapacity >= 1,
                "kopilka.rate.*-capacity must be at least 1");
        require(positive(failedAuthPeriod) && positive(keyPeriod) && positive(lookupMissPeriod),
                "kopilka.rate.*-period must be a positive duration");
        require(maxAddresses >= 1 && wrongKeyCacheSize >= 0, "kopilka.rate cache sizes must not be negative");
        require(!wrongKeyCacheTtl.isNegative(), "kopilka.rate.wrong-key-cache-ttl must not be negative");
    }

    private static boolean positive(Duration d) {
        return d != null && !d.isZero() && !d.isNegative();
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
