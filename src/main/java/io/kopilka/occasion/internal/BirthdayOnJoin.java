package io.kopilka.occasion.internal;

import io.kopilka.member.Member;
import io.kopilka.member.MemberJoined;
import io.kopilka.member.Members;
import io.kopilka.occasion.BirthdayCalendar;
import io.kopilka.program.Program;
import io.kopilka.program.Programs;
import io.kopilka.tenant.Tenant;
import io.kopilka.tenant.Tenants;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A member who joins on (or just before) their birthday. If the job has not run that day's gifts yet,
 * it will include them; if it has, the gift is given here, in the joining transaction, with the same
 * unique key. Reading how far the job got holds the tenant's {@code occasion_day} row until the join
 * commits, and a day's run marks itself started on that row before it reads the members: so either the
 * run sees the new member, or the join sees the run, never neither.
 */
@Component
class BirthdayOnJoin {
    private final Members members;
    private final Programs programs;
    private final Tenants tenants;
    private final OccasionStore store;
    private final OccasionGiver giver;

    BirthdayOnJoin(Members members, Programs programs, Tenants tenants, OccasionStore store, OccasionGiver giver) {
        this.members = members;
        this.programs = programs;
        this.tenants = tenants;
        this.store = store;
        this.giver = giver;
    }

    // Synchronous, in the join: the decision must be taken under the row lock above. It runs after the
    // ledger's listener, which opens the account this gift is written to.
    @EventListener
    void on(MemberJoined joined) {
        Program.Birthday settings = programs.of(joined.tenant()).birthday();
        if (!settings.gives()) {
            return;
        }
        Member member = members.byId(joined.tenant(), joined.member()).orElseThrow();
        if (member.birthDate() == null) {
            return;
        }
        Tenant tenant = tenants.get(joined.tenant());
        LocalDate today = LocalDate.ofInstant(joined.at(), tenant.timezone());
        LocalDate celebration = BirthdayCalendar.nextCelebration(member.birthDate(), today);
        LocalDate giftDay = celebration.minusDays(settings.daysBefore());
        if (giftDay.isAfter(today)) {
            return;
        }
        Optional<LocalDate> started = store.birthdayStartedForJoin(joined.tenant(), joined.at());
        // Never run: the first run starts with today, so a gift due before today is given here.
        boolean runPassed = started.map(day -> !day.isBefore(giftDay)).orElse(giftDay.isBefore(today));
        if (runPassed) {
            giver.giveWithin(joined.tenant(), joined.member(),
                    BirthdayRun.gift(tenant, settings, celebration, joined.at()), account -> true, joined.at());
        }
    }
}
