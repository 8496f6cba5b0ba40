package io.kopilka.notification.internal;

import io.kopilka.shared.TenantId;
import java.util.UUID;

/**
 * A message was queued, in the transaction still open: the dispatcher sends it once that commits, without
 * waiting for its next poll. Published and heard inside this module only.
 */
record MessageQueued(TenantId tenant, UUID id) {
}
