package io.kopilka.audit.internal;

import io.kopilka.audit.AuditLog;
import io.kopilka.audit.Change;
import io.kopilka.tenant.ApiKey;
import io.kopilka.tenant.ApiKeyIssued;
import io.kopilka.tenant.ApiKeyRevoked;
import io.kopilka.tenant.StaffChanged;
import io.kopilka.tenant.StaffMember;
import io.kopilka.tenant.StoreCreated;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records the changes of the {@code tenant} module, which cannot call the audit log itself (the
 * log names its callers by that module's {@code Caller}). A plain {@link EventListener} runs in the
 * publishing transaction, so the entry commits or rolls back with the change, as every other does.
 */
@Component
class TenantChanges {
    private final AuditLog log;

    TenantChanges(AuditLog log) {
        this.log = log;
    }

    /** A key as the entry shows it: never its secret, nor its hash. */
    record KeyDocument(String id, String name, String role, String storeCode, String hint) {
        static KeyDocument of(ApiKey key) {
            return new KeyDocument(key.id().toString(), key.name(), key.role().code(), key.storeCode(), key.hint());
        }
    }

    record StoreDocument(String code, String name) {
    }

    /** A staff account as the entry shows it: never a password, its hash or a link's token. */
    record StaffDocument(String id, String email, String name, String role, List<String> stores, String language,
                         boolean passwordSet, boolean active) {
        static StaffDocument of(StaffMember s) {
            return s == null ? null : new StaffDocument(s.id().toString(), s.email(), s.name(), s.role().code(),
                    s.stores(), s.language() == null ? null : s.language().tag(), s.passwordSet(), s.active());
        }
    }

    @EventListener
    void on(StaffChanged changed) {
        log.record(changed.by(), new Change(changed.action(), "staff", changed.after().id().toString(),
                StaffDocument.of(changed.before()), StaffDocument.of(changed.after()), null));
    }

    @EventListener
    void on(StoreCreated created) {
        log.record(created.by(), Change.created("store", created.store().code(),
                new StoreDocument(created.store().code(), created.store().name())));
    }

    @EventListener
    void on(ApiKeyIssued issued) {
        log.record(issued.by(), new Change("api_key.issued", "api_key", issued.key().id().toString(), null,
                KeyDocument.of(issued.key()), null));
    }

    @EventListener
    void on(ApiKeyRevoked revoked) {
        log.record(revoked.by(), new Change("api_key.revoked", "api_key", revoked.key().id().toString(),
                KeyDocument.of(revoked.key()), null, null));
    }
}
