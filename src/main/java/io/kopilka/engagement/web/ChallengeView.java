package io.kopilka.engagement.web;

import io.kopilka.engagement.Challenge;
import io.kopilka.engagement.ChallengeDocument;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** A challenge as the API answers it: its id, the document with defaults filled in, and when it was written. */
@Schema(name = "Challenge")
record ChallengeView(String id, ChallengeDocument challenge, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    static ChallengeView of(Challenge c, ZoneId zone) {
        return new ChallengeView(c.id().toString(), ChallengeDocument.of(c.draft(), zone),
                c.createdAt().atZone(zone).toOffsetDateTime(), c.updatedAt().atZone(zone).toOffsetDateTime());
    }
}
