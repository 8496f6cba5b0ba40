package io.kopilka.tenant;

import io.kopilka.shared.TenantId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;

/**
 * A business running a program: its money, its clock and its language.
 *
 * @param slug its name in the customer pages' addresses ({@code /w/{slug}}), unique; see {@link TenantSlugs}
 */
public record Tenant(TenantId id, String name, Currency currency, ZoneId timezone, Language locale,
                     String country, Instant createdAt, String slug) {
}
