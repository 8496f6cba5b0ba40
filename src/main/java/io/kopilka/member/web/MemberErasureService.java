package io.kopilka.member.web;

import io.kopilka.audit.AuditLog;
import io.kopilka.audit.Change;
import io.kopilka.member.MemberErasure;
import io.kopilka.member.Members;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.idempotency.Idempotency;
import io.kopilka.tenant.Caller;
import io.kopilka.tenant.Tenants;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lives with the controller because what it rewrites are this package's answers ({@link MemberView})
 * kept for replays; the console's erasure calls it too, so both leave nothing personal behind.
 */
@Service
class MemberErasureService implements MemberErasure {
    private final Members members;
    private final Tenants tenants;
    private final Idempotency idempotency;
    private final AuditLog audit;

    MemberErasureService(Members members, Tenants tenants, Idempotency idempotency, AuditLog audit) {
        this.members = members;
        this.tenants = tenants;
        this.idempotency = idempotency;
        this.audit = audit;
    }

    @Override
    @Transactional
    public void erase(Caller caller, MemberId member) {
        if (!members.lock(caller.tenant(), member).erased()) {
            // The entry keeps no personal data: only that this member was erased, by whom and when.
            audit.record(caller, new Change("member.erased", "member", member.toString(), null, null, null));
        }
        members.erase(caller.tenant(), member);
        forgetStoredAnswers(caller, member);
    }

    /**
     * Answers kept for replays are the controller's views, and hold the personal data too: in the
     * erasure's transaction they are rewritten to show the erased member.
     */
    private void forgetStoredAnswers(Caller caller, MemberId id) {
        MemberView erased = MemberView.of(members.get(caller.tenant(), id.toString()),
                tenants.get(caller.tenant()).timezone());
        for (String scope : new String[] {"members", "reissue:" + id, "member-update:" + id}) {
            idempotency.rewrite(caller.tenant(), scope, id.toString(), erased);
        }
    }
}
