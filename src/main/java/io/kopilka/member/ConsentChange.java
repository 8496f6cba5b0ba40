package io.kopilka.member;

import java.time.Instant;
import java.util.Map;
import io.kopilka.shared.MemberId;
import java.util.UUID;

/** One entry of a member's consent history: the key ({@code email}, {@code marketing}, …) given or withdrawn. */
public record ConsentChange(UUID id, MemberId member, String channel, boolean granted, Instant at, String source,
                            Map<String, String> detail) {
}
