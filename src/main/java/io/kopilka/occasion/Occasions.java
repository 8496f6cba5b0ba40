package io.kopilka.occasion;

import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import java.time.Instant;
import java.util.List;

/**
 * Birthdays and win-back: each tenant's daily jobs, in the tenant's time zone, and the members at risk.
 * Every gift is given once per member and occasion (a birthday a year, a win-back per
 * {@code oncePerDays}), however often a job runs.
 */
public interface Occasions {

    /**
     * The tenant's birthday job now: every day not yet processed up to the tenant's today, today
     * included even when it was (a day run again gives nothing twice).
     */
    JobRun birthdays(TenantId tenant, Instant now);

    /** The tenant's win-back job now: the members gone past the program's absence who may be called back. */
    JobRun winBack(TenantId tenant, Instant now);

    /** Members gone past the program's absence, the longest absent first; {@code after} null: from the first. */
    AtRiskPage atRisk(TenantId tenant, AtRiskCursor after, int limit, Instant now);

    /** The scheduler's round: each tenant whose today has not been processed yet, one after another. */
    void runDue(Instant now);

    /**
     * What a job did.
     *
     * @param processed the members it looked at (due a birthday, or gone)
     * @param members   the members it gave something
     */
    record JobRun(int processed, int members, long points, int coupons) {
        public static final JobRun NONE = new JobRun(0, 0, 0, 0);

        public JobRun plus(JobRun other) {
            return new JobRun(processed + other.processed, members + other.members, points + other.points,
                    coupons + other.coupons);
        }
    }

    record AtRisk(MemberId member, String name, Instant lastVisitAt, int visits, long daysSince) {
    }

    /** Where a page of the at-risk list ends: the last member looked at. */
    record AtRiskCursor(Instant lastVisitAt, MemberId member) {
    }

    /** @param next null: the last page */
    record AtRiskPage(List<AtRisk> items, AtRiskCursor next) {
    }
}
