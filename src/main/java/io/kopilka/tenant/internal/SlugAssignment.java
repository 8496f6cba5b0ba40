package io.kopilka.tenant.internal;

import io.kopilka.shared.TenantId;
import io.kopilka.tenant.Tenant;
import io.kopilka.tenant.TenantSlugs;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives tenants their slugs: a new tenant in its creation's transaction, and at the start every tenant
 * created before slugs existed (the migration cannot transliterate; ICU does, here).
 */
@Component
class SlugAssignment {
    private static final Logger log = LoggerFactory.getLogger(SlugAssignment.class);
    private final JdbcClient jdbc;

    SlugAssignment(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The tenant with a free slug made of its name; the row must exist (and is updated). */
    @Transactional(propagation = Propagation.MANDATORY)
    Tenant assign(Tenant tenant) {
        String slug = TenantSlugs.of(tenant.name());
        for (int n = 1; ; n++) {
            String candidate = TenantSlugs.candidate(slug, n);
            // Two creations racing for one slug would both find it free (neither sees the other's
            // uncommitted row) and the second would fail on the unique index: a lock per candidate,
            // held to the end of the transaction, makes the second wait and then see it taken.
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('tenant-slug:' || :slug))").param("slug", candidate)
                    .query((rs, i) -> 0).list();
            // A taken slug updates nothing, and the next candidate is tried.
            int updated = jdbc.sql("""
                    UPDATE tenant SET slug = :slug
                    WHERE id = :id AND NOT EXISTS (SELECT 1 FROM tenant WHERE slug = :slug)""")
                    .param("slug", candidate).param("id", tenant.id().value()).update();
            if (updated == 1) {
                return new Tenant(tenant.id(), tenant.name(), tenant.currency(), tenant.timezone(), tenant.locale(),
                        tenant.country(), tenant.createdAt(), candidate);
            }
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void backfill() {
        record Unnamed(UUID id, String name) {
        }
        List<Unnamed> missing = jdbc.sql("SELECT id, name FROM tenant WHERE slug IS NULL ORDER BY created_at, id FOR UPDATE")
                .query(Unnamed.class).list();
        for (Unnamed t : missing) {
            assign(new Tenant(new TenantId(t.id()), t.name(), null, null, null, null, null, null));
        }
        if (!missing.isEmpty()) {
            log.info("Gave {} tenants their slugs", missing.size());
        }
    }
}
