package io.kopilka.tenant.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.kopilka.shared.web.ProblemResponses;
import io.kopilka.shared.web.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The token buckets behind the API's rate limits, in memory on this instance (with several instances
 * each counts on its own). Every bucket lives in a Caffeine cache with a maximum size, so no caller
 * can make them grow without bound; a bucket left alone for its period is full again, so it is
 * dropped then and a forgotten bucket is the same as a full one.
 *
 * <p>Each method answers the seconds to wait (for {@code Retry-After}), or 0 when within the limit.
 */
@Component
class RateLimits {
    private static final int MAX_KEYS = 100_000;
    private static final Duration GOOD_KEY_MEMORY = Duration.ofMinutes(10);

    private final RateLimitProperties settings;
    private final ProblemResponses problems;
    private final Bandwidth failedAuthLimit;
    private final Bandwidth keyLimit;
    private final Bandwidth lookupMissLimit;
    private final Cache<String, Bucket> failedAuth;
    private final Cache<String, Bucket> perKey;
    private final Cache<String, Bucket> lookupMisses;
    private final Cache<String, Boolean> wrongKeys;
    private final Cache<String, Boolean> goodKeys;

    RateLimits(RateLimitProperties settings, ProblemResponses problems) {
        this.settings = settings;
        this.problems = problems;
        failedAuthLimit = limit(settings.failedAuthCapacity(), settings.failedAuthPeriod());
        keyLimit = limit(settings.keyCapacity(), settings.keyPeriod());
        lookupMissLimit = limit(settings.lookupMissCapacity(), settings.lookupMissPeriod());
        failedAuth = buckets(settings.maxAddresses(), settings.failedAuthPeriod());
        // Only valid keys get these two: their number is bounded by the keys issued.
        perKey = buckets(MAX_KEYS, settings.keyPeriod());
        lookupMisses = buckets(MAX_KEYS, settings.lookupMissPeriod());
        wrongKeys = Caffeine.newBuilder().maximumSize(settings.wrongKeyCacheSize())
                .expireAfterWrite(settings.wrongKeyCacheTtl()).build();
        goodKeys = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterAccess(GOOD_KEY_MEMORY).build();
    }

    private static Bandwidth limit(long capacity, Duration period) {
        return Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build();
    }

    private static Cache<String, Bucket> buckets(int size, Duration period) {
        return Caffeine.newBuilder().maximumSize(size).expireAfterAccess(period).build();
    }

    /** Has this address used up its failed authentications? Checked before a key is looked up. */
    long authBlocked(String address) {
        if (!settings.enabled()) {
            return 0;
        }
        Bucket bucket = failedAuth.getIfPresent(address);
        if (bucket == null) {
            return 0;
        }
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? 0 : seconds(probe.getNanosToWaitForRefill());
    }

    /** Counts a wrong or unknown key (or metrics token) from this address. */
    long authFailed(String address) {
        return take(failedAuth, address, failedAuthLimit);
    }

    /** Counts a request of this key ({@code keyId}, or "platform"). */
    long request(String key) {
        return take(perKey, key, keyLimit);
    }

    /** Counts a member look-up by card or phone as a miss, up front; {@link #lookupFound} gives it back. */
    long lookup(String key) {
        return take(lookupMisses, key, lookupMissLimit);
    }

    /** The look-up found its member (or was not a miss at all): it does not count. */
    void lookupFound(String key) {
        if (settings.enabled()) {
            Bucket bucket = lookupMisses.getIfPresent(key);
            if (bucket != null) {
                bucket.addTokens(1);
            }
        }
    }

    /** Was this key (by its hash) found wrong a moment ago? Then it is not looked up again. */
    boolean knownWrong(String keyHash) {
        return wrongKeys.getIfPresent(keyHash) != null;
    }

    void rememberWrong(String keyHash) {
        wrongKeys.put(keyHash, Boolean.TRUE);
    }

    /**
     * Was this tenant key (by its hash) valid a moment ago? Such a key is still checked (a revoked
     * one fails) when its address is cut off, so that one misbehaving till behind a shared address
     * does not lock out the others. Tenant keys carry 190 random bits: that a key is let through
     * tells a guesser nothing. The platform key is never remembered here; it may be a short one of
     * the operator's choosing, and a cut-off address gets nothing but 429 for it.
     */
    boolean knownGood(String keyHash) {
        return goodKeys.getIfPresent(keyHash) != null;
    }

    void rememberGood(String keyHash) {
        goodKeys.put(keyHash, Boolean.TRUE);
    }

    /** Answers 429 {@code rate_limited} with {@code Retry-After} in whole seconds. */
    void refuse(HttpServletResponse response, long seconds, String detail) throws IOException {
        response.setHeader("Retry-After", Long.toString(seconds));
        problems.write(response, Problems.of(429, "rate_limited", detail + "; try again in " + seconds + " s"));
    }

    /** Takes a token from the bucket of {@code key} (a full one the first time). */
    private long take(Cache<String, Bucket> buckets, String key, Bandwidth limit) {
        if (!settings.enabled()) {
            return 0;
        }
        ConsumptionProbe probe = buckets.get(key, k -> Bucket.builder().addLimit(limit).build())
                .tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : seconds(probe.getNanosToWaitForRefill());
    }

    private static long seconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }
}
