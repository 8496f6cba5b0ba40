package io.kopilka.shared.idempotency;

import io.kopilka.shared.Now;
import io.kopilka.shared.Outcome;
import io.kopilka.shared.TenantId;
import io.kopilka.shared.error.ApiProblem;
import java.time.Clock;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a write at most once per (tenant, scope, key) and remembers its answer.
 *
 * <p>The key row is inserted first, in the same transaction as the effect. A concurrent duplicate's
 * insert waits on that row's lock until the first transaction ends, then finds it and replays the
 * stored answer: concurrent duplicates resolve to exactly one effect. A write that fails rolls back
 * its key row too, so a corrected retry is free to go through.
 */
@Component
public class Idempotency {
    public static final int MAX_KEY_LENGTH = 200;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final KeptAnswers answers;
    private final Clock clock;

    public Idempotency(JdbcClient jdbc, TransactionTemplate tx, KeptAnswers answers, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.answers = answers;
        this.clock = clock;
    }

    /** Refuses a key longer than {@link #MAX_KEY_LENGTH} (400), before anything else is done with it. */
    public static void checkKey(String key) {
        if (key != null && key.length() > MAX_KEY_LENGTH) {
            throw ApiProblem.invalid("Idempotency-Key", "must be at most " + MAX_KEY_LENGTH + " characters");
        }
    }

    /**
     * Runs {@code action} in a transaction. With a null or blank key it simply runs once; with a key
     * the request is fingerprinted and the first answer is replayed for the same request.
     */
    public <T> Outcome<T> run(TenantId tenant, String scope, String key, Object request, Class<T> type,
                              Supplier<T> action) {
        if (key == null || key.isBlank()) {
            return new Outcome<>(tx.execute(status -> action.get()), false);
        }
        checkKey(key);
        String fingerprint = fingerprint(request);
        return tx.execute(status -> {
            int inserted = jdbc.sql("""
                    INSERT INTO idempotency_key (tenant_id, scope, key, request_hash, created_at)
                    VALUES (:tenant, :scope, :key, :hash, :now)
                    ON CONFLICT (tenant_id, scope, key) DO NOTHING""")
                    .param("tenant", tenant.value()).param("scope", scope).param("key", key)
                    .param("hash", fingerprint).param("now", java.sql.Timestamp.from(Now.of(clock)))
                    .update();
            if (inserted == 0) {
                return replay(tenant, scope, key, fingerprint, type);
            }
            T body = action.get();
            jdbc.sql("""
                    UPDATE idempotency_key SET response = CAST(:response AS jsonb)
                    WHERE tenant_id = :tenant AND scope = :scope AND key = :key""")
                    .param("response", answers.write(body))
                    .param("tenant", tenant.value()).param("scope", scope).param("key", key)
                    .update();
            return new Outcome<>(body, false);
        });
    }

    /** What is kept for a write that answers no body (a DELETE): only that it was done. */
    public record Done(boolean done) {
    }

    /**
     * {@link #run} for a write that answers no body (a DELETE): a replay does nothing again, a
     * different request under the same key is 409. Returns whether this was a replay.
     */
    public boolean runWithoutBody(TenantId tenant, String scope, String key, Object request, Runnable action) {
        return run(tenant, scope, key, request, Done.class, () -> {
            action.run();
            return new Done(true);
        }).replayed();
    }

    /**
     * Refuses, before anything is written, an {@code Idempotency-Key} on a write that cannot honour
     * one: a client sending it believes a retry is safe, and there it would not be. {@code why} says
     * so in the problem's detail (400 {@code idempotency_key_not_supported}).
     */
    public static void refuse(String key, String why) {
        if (key != null) {
            throw new ApiProblem(400, "idempotency_key_not_supported", why);
        }
    }

    /**
     * Replaces the stored answers about {@code id} with {@code answer}: an erased member's personal
     * data must not survive in a replayable answer, while a replay still names the same member.
     */
    public void rewrite(TenantId tenant, String scope, String id, Object answer) {
        jdbc.sql("""
                UPDATE idempotency_key SET response = CAST(:answer AS jsonb)
                WHERE tenant_id = :tenant AND scope = :scope AND response ->> 'id' = :id""")
                .param("answer", answers.write(answer))
                .param("tenant", tenant.value()).param("scope", scope).param("id", id).update();
    }

    /** The stored answer for this key, if there is one; 409 if the key was used with another request. */
    public <T> java.util.Optional<Outcome<T>> replay(TenantId tenant, String scope, String key, Object request,
                                                     Class<T> type) {
        boolean exists = jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM idempotency_key
                               WHERE tenant_id = :tenant AND scope = :scope AND key = :key AND response IS NOT NULL)""")
                .param("tenant", tenant.value()).param("scope", scope).param("key", key)
                .query(Boolean.class).single();
        return exists ? java.util.Optional.of(replay(tenant, scope, key, fingerprint(request), type))
                : java.util.Optional.empty();
    }

    private <T> Outcome<T> replay(TenantId tenant, String scope, String key, String fingerprint, Class<T> type) {
        record Stored(String requestHash, String response) {
        }
        Stored stored = jdbc.sql("""
                SELECT request_hash, response::text AS response FROM idempotency_key
                WHERE tenant_id = :tenant AND scope = :scope AND key = :key""")
                .param("tenant", tenant.value()).param("scope", scope).param("key", key)
                .query(Stored.class).single();
        return answers.replay(stored.requestHash(), stored.response(), fingerprint, type);
    }

    private String fingerprint(Object request) {
        return answers.fingerprint(request);
    }
}
