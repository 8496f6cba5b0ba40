package io.kopilka.demo;

import io.kopilka.member.Member;
import io.kopilka.member.StaffNotes;
import io.kopilka.shared.Now;
import io.kopilka.shared.TenantId;
import io.kopilka.tenant.Caller;
import io.kopilka.tenant.Language;
import io.kopilka.tenant.StaffAccounts;
import io.kopilka.tenant.StaffMember;
import io.kopilka.tenant.StaffRole;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The demo's two people: the owner, who signs in to the console, and a cashier at Dostyk. Like the
 * admin key, their passwords are new at every start (only hashes are kept) and printed with it.
 */
@Component
class DemoStaff {
    static final String OWNER = "owner@barberbro.demo";
    static final String CASHIER = "cashier@barberbro.demo";
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final StaffAccounts staff;
    private final StaffNotes notes;
    private final Clock clock;

    DemoStaff(StaffAccounts staff, StaffNotes notes, Clock clock) {
        this.staff = staff;
        this.notes = notes;
        this.clock = clock;
    }

    /** What the barbers keep on their regulars, shown at the till: Aigerim's and Daniyar's. */
    void notes(Caller owner, List<Member> joined) {
        notes.write(owner, joined.get(0).id(), "Приводит сыновей (2 и 6 лет). Кофе без сахара.", Now.of(clock));
        notes.write(owner, joined.get(1).id(), "Стрижётся только у Армана, по субботам утром.", Now.of(clock));
    }

    record Login(String email, String password) {
    }

    List<Login> signIns(TenantId tenant) {
        return List.of(login(tenant, OWNER, "Арман Касымов", StaffRole.OWNER, List.of()),
                login(tenant, CASHIER, "Дана Нурланова", StaffRole.CASHIER, List.of("dostyk")));
    }

    private Login login(TenantId tenant, String email, String name, StaffRole role, List<String> stores) {
        Caller system = Caller.system(tenant);
        StaffMember member = staff.list(tenant).stream().filter(s -> s.email().equals(email)).findFirst()
                .orElseGet(() -> staff.invite(system, new StaffAccounts.NewStaff(email, name, role, stores,
                        Language.RU)).staff());
        String password = password();
        staff.setPassword(staff.resetLink(system, member.id()).token(), password);
        return new Login(email, password);
    }

    /** Three groups of four from an alphabet without look-alikes (0/o, 1/l/i): easy to type from a log. */
    private static String password() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                s.append('-');
            }
            s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }
}
