package io.kopilka.tenant;

import java.util.Locale;
import java.util.Optional;

/**
 * What a person at the business may do on the screens. An owner runs everything in the tenant, a
 * manager serves members (gifts, coupons, reports) but not keys, staff or the program's set-up, and
 * a cashier works the till. Towards the facades a role acts with the rights of a key: owners and
 * managers as admin keys (the console decides which of its pages a manager opens), cashiers as pos keys.
 */
public enum StaffRole {
    OWNER, MANAGER, CASHIER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Role keyRole() {
        return this == CASHIER ? Role.POS : Role.ADMIN;
    }

    public static Optional<StaffRole> fromCode(String code) {
        for (StaffRole r : values()) {
            if (r.code().equals(code)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
