package io.kopilka.memberaccess.internal;

import io.kopilka.member.MemberErased;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** An erased member is signed out on every device at once, in the erasing transaction. */
@Component
class WalletAccessOfErasedMembers {
    private final JdbcWalletAccess access;

    WalletAccessOfErasedMembers(JdbcWalletAccess access) {
        this.access = access;
    }

    @EventListener
    void on(MemberErased erased) {
        access.forget(erased.tenant(), erased.member());
    }
}
