package io.kopilka.ledger;

import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** The ledger's figures for the owner's dashboard (analytics): read only, one statement each. */
public interface PointsStatistics {

    /**
     * Points moved per day of {@code zone} (by the entry's time), entry type and direction, for the days
     * {@code from} to {@code to} inclusive; a day, type or direction with no entry has no row.
     */
    List<DayMovement> movements(TenantId tenant, ZoneId zone, LocalDate from, LocalDate to);

    /** @param credited the sum of the type's positive entries; @param debited the sum of its negative ones, as a positive number */
    record DayMovement(LocalDate day, EntryType type, long credited, long debited) {
    }

    /**
     * Points outstanding at {@code now}: what is left of the lots that have not expired (spendable and
     * pending), less the debts of returns. Lots past their date that the job has not yet written off do not count.
     */
    long outstanding(TenantId tenant, Instant now);

    /** Points of live lots that expire after {@code now} and up to {@code until}, and the members holding them. */
    Expiring expiring(TenantId tenant, Instant now, Instant until);

    record Expiring(long points, List<MemberId> members) {
        public Expiring {
            members = List.copyOf(members);
        }
    }
}
