package io.kopilka.audit;

import io.kopilka.tenant.Caller;

/**
 * Who changed what, when, before and after, and why: every write of a tenant's configuration and
 * every change of a member's points or data made by hand. An entry is written in the transaction
 * of the change it records (propagation MANDATORY), so there is never a change without its entry
 * nor an entry for a change that rolled back; entries are only appended.
 */
public interface AuditLog {

    /** Records {@code change}, made by {@code caller}, in the caller's transaction. */
    void record(Caller caller, Change change);
}
