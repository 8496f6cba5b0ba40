package io.kopilka.web.admin.business;

import io.kopilka.member.Member;
import io.kopilka.member.Members;
import io.kopilka.shared.Ids;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import io.kopilka.shared.error.ApiProblem;
import java.util.Optional;

/** A member by what an owner has at hand: the id, a phone as typed, or a card number. */
final class MemberLookup {
    private MemberLookup() {
    }

    static Optional<MemberId> find(Members members, TenantId tenant, String text) {
        if (Ids.parse(text).isPresent()) {
            return Ids.parse(text).flatMap(id -> members.byId(tenant, new MemberId(id))).map(Member::id);
        }
        Optional<Member> byPhone;
        try {
            byPhone = members.byPhone(tenant, text);
        } catch (ApiProblem notAPhone) {
            byPhone = Optional.empty();
        }
        return byPhone.or(() -> members.byCard(tenant, text)).map(Member::id);
    }
}
