package io.kopilka.occasion.internal;

import io.kopilka.occasion.OccasionGiftGiven;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The tables {@code occasion_day} (how far each tenant's jobs got) and {@code occasion_gift} (what was given). */
@Component
class OccasionStore {
    static final String BIRTHDAY = OccasionGiftGiven.BIRTHDAY;
    static final String WIN_BACK = OccasionGiftGiven.WIN_BACK;

    private final JdbcClient jdbc;

    OccasionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Days(LocalDate birthdayStarted, LocalDate birthdayDone, LocalDate winBackDone) {
        static final Days NONE = new Days(null, null, null);
    }

    Days days(TenantId tenant) {
        return jdbc.sql("""
                SELECT birthday_started, birthday_done, win_back_done FROM occasion_day WHERE tenant_id = :tenant""")
                .param("tenant", tenant.value())
                .query((rs, i) -> new Days(date(rs.getDate(1)), date(rs.getDate(2)), date(rs.getDate(3))))
                .optional().orElse(Days.NONE);
    }

    /**
     * Marks the day's birthday run as started, in a transaction of its own. It waits for joins that hold
     * the row (see {@link #birthdayStartedForJoin}), so every member who joined before it is read by the run.
     */
    void startBirthdays(TenantId tenant, LocalDate day, Instant now) {
        jdbc.sql("""
                INSERT INTO occasion_day (tenant_id, birthday_started, updated_at) VALUES (:tenant, :day, :now)
                ON CONFLICT (tenant_id) DO UPDATE SET birthday_started = GREATEST(occasion_day.birthday_started,
                       EXCLUDED.birthday_started), updated_at = EXCLUDED.updated_at""")
                .param("tenant", tenant.value()).param("day", Date.valueOf(day)).param("now", Timestamp.from(now))
                .update();
    }

    void finishBirthdays(TenantId tenant, LocalDate day, Instant now) {
        jdbc.sql("""
                UPDATE occasion_day SET birthday_done = GREATEST(birthday_done, :day), updated_at = :now
                WHERE tenant_id = :tenant""")
                .param("tenant", tenant.value()).param("day", Date.valueOf(day)).param("now", Timestamp.from(now))
                .update();
    }

    void finishWinBack(TenantId tenant, LocalDate day, Instant now) {
        jdbc.sql("""
                INSERT INTO occasion_day (tenant_id, win_back_done, updated_at) VALUES (:tenant, :day, :now)
                ON CONFLICT (tenant_id) DO UPDATE SET win_back_done = GREATEST(occasion_day.win_back_done,
                       EXCLUDED.win_back_done), updated_at = EXCLUDED.updated_at""")
                .param("tenant", tenant.value()).param("day", Date.valueOf(day)).param("now", Timestamp.from(now))
                .update();
    }

    /**
     * The last day whose birthday run has started, read in a joining member's transaction and holding the
     * tenant's row (shared) until it ends: a run cannot start in between unseen.
     */
    Optional<LocalDate> birthdayStartedForJoin(TenantId tenant, Instant now) {
        jdbc.sql("""
                INSERT INTO occasion_day (tenant_id, updated_at) VALUES (:tenant, :now)
                ON CONFLICT (tenant_id) DO NOTHING""")
                .param("tenant", tenant.value()).param("now", Timestamp.from(now)).update();
        return jdbc.sql("SELECT birthday_started FROM occasion_day WHERE tenant_id = :tenant FOR SHARE")
                .param("tenant", tenant.value()).query((rs, i) -> Optional.ofNullable(date(rs.getDate(1))))
                .single();
    }

    /** Records a gift; false when this member already had this occasion's gift for the period. */
    boolean claim(TenantId tenant, MemberId member, String occasion, String period, long points, String couponCode,
                  Instant now) {
        return jdbc.sql("""
                INSERT INTO occasion_gift (tenant_id, member_id, occasion, period, points, coupon_code, given_at)
                VALUES (:tenant, :member, :occasion, :period, :points, :coupon, :now)
                ON CONFLICT DO NOTHING""")
                .param("tenant", tenant.value()).param("member", member.value()).param("occasion", occasion)
                .param("period", period).param("points", points).param("coupon", couponCode)
                .param("now", Timestamp.from(now)).update() == 1;
    }

    boolean given(TenantId tenant, MemberId member, String occasion, String period) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM occasion_gift WHERE tenant_id = :tenant AND member_id = :member
                               AND occasion = :occasion AND period = :period)""")
                .param("tenant", tenant.value()).param("member", member.value()).param("occasion", occasion)
                .param("period", period).query(Boolean.class).single();
    }

    Optional<Instant> lastGiven(TenantId tenant, MemberId member, String occasion) {
        return jdbc.sql("""
                SELECT max(given_at) FROM occasion_gift
                WHERE tenant_id = :tenant AND member_id = :member AND occasion = :occasion""")
                .param("tenant", tenant.value()).param("member", member.value()).param("occasion", occasion)
                .query((rs, i) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant)).single();
    }

    private static LocalDate date(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
