package io.kopilka.tenant.internal;

import io.kopilka.tenant.StaffMember;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A staff member signed in to the screens: kept in the session with the account's session number,
 * and rebuilt on each request from the account as it is now ({@link StaffSessionFilter}).
 */
final class StaffAuthentication extends AbstractAuthenticationToken {
    private final StaffMember staff;
    private final int epoch;

    StaffAuthentication(StaffMember staff, int epoch) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + staff.role().name())));
        this.staff = staff;
        this.epoch = epoch;
        setAuthenticated(true);
    }

    int epoch() {
        return epoch;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public StaffMember getPrincipal() {
        return staff;
    }

    @Override
    public String getName() {
        return staff.email();
    }
}
