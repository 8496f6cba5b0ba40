package io.kopilka.notification;

import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import java.time.Instant;
import java.util.Map;

/**
 * What one member should be told, before any channel or language is chosen.
 *
 * @param occasion what makes this message unique for the member and kind: a member is never told twice
 *                 of one kind and occasion ({@code "join"}, a coupon's id, {@code "2026-03-14"} for a
 *                 day's expiry digest). Redelivered events and rerun jobs come back with the same one.
 * @param facts    what the templates may say, by name (see {@code docs/notifications.md} for each
 *                 kind's): {@code String}, {@code Long}, {@code Money}, {@code Instant},
 *                 {@code LocalDate}, {@code Names}, lists of maps of those; formatted for the member's
 *                 language by the templates, never here; a fact that does not apply is left out
 *                 (there are no nulls)
 * @param at       when it happened, which quiet hours and the weekly limit are judged from
 */
public record Notice(TenantId tenant, MemberId member, NoticeKind kind, String occasion, Map<String, Object> facts,
                     Instant at) {

    public Notice {
        facts = Map.copyOf(facts);
    }
}
