package io.kopilka.audit;

import io.kopilka.shared.TenantId;
import java.util.List;

/** Reads the audit log back: a tenant's entries, newest first, filtered and paged by the caller. */
public interface AuditTrail {

    /** Up to {@code limit} of the tenant's entries matching {@code query}, newest first (by time, then id). */
    List<AuditEntry> page(TenantId tenant, AuditQuery query, int limit);
}
