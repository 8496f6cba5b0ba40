package io.kopilka.cause.internal;

import io.kopilka.cause.Cause;
import io.kopilka.cause.CauseDraft;
import java.util.Map;

/** A cause as the audit log keeps it before and after a change: its fields as the API names them. */
record AuditView(String id, String name, Map<String, String> names, String description, Map<String, String> unit,
                 Map<String, Map<String, String>> unitForms, Map<String, String> verb, long pointsPerUnit,
                 Long goalUnits, boolean active, long totalPoints, long donors) {

    static AuditView of(Cause c) {
        CauseDraft d = c.draft();
        return new AuditView(c.id().toString(), d.names().name(), d.names().names(), d.description(), d.unit().unit(),
                d.unit().forms(), d.verb(), d.pointsPerUnit(), d.goalUnits(), d.active(), c.totalPoints(), c.donors());
    }
}
