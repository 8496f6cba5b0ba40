package io.kopilka.shared.idempotency;

import io.kopilka.shared.Outcome;
import io.kopilka.shared.error.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.stereotype.Component;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a write's first answer is kept for its replays, wherever it is kept: in an
 * {@code idempotency_key} row ({@link Idempotency}) or in the written row itself (a purchase keeps
 * its answer and its request's fingerprint, so its {@code externalId} needs no row of its own).
 */
@Component
public class KeptAnswers {
    private final JsonMapper json;

    public KeptAnswers(JsonMapper json) {
        // A replay must be the first answer to the letter: keep each time's own offset.
        this.json = json.rebuild().disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE).build();
    }

    /** The request's SHA-256, hex: a retry must be the same request to get the first answer. */
    public String fingerprint(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The answer as it is stored. */
    public String write(Object answer) {
        return json.writeValueAsString(answer);
    }

    /**
     * The stored answer as a replay, or 409 {@code idempotency_conflict} when the key was first used
     * with another request.
     */
    public <T> Outcome<T> replay(String storedFingerprint, String storedAnswer, String fingerprint, Class<T> type) {
        if (!storedFingerprint.equals(fingerprint)) {
            throw ApiProblem.conflict("idempotency_conflict",
                    "This idempotency key was already used with a different request");
        }
        return Outcome.replay(json.readValue(storedAnswer, type));
    }
}
