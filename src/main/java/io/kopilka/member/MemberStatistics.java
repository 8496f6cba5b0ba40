package io.kopilka.member;

import io.kopilka.shared.TenantId;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/** The member module's figures for the owner's dashboard (analytics): read only. */
public interface MemberStatistics {

    /**
     * How many members joined on each day of {@code zone} from {@code from} to {@code to} inclusive, erased
     * ones included (they did join); a day without any is absent.
     */
    Map<LocalDate, Long> joined(TenantId tenant, ZoneId zone, LocalDate from, LocalDate to);
}
