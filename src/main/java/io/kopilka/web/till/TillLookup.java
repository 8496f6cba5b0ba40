package io.kopilka.web.till;

import io.kopilka.member.CardNumbers;
import io.kopilka.member.Member;
import io.kopilka.member.Members;
import io.kopilka.member.PhoneNumbers;
import io.kopilka.reward.Coupon;
import io.kopilka.reward.Coupons;
import io.kopilka.tenant.Tenant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What the one find box was given: a card number (typed, or the wallet's QR code scanned: the same
 * digits), a phone as people type it, or a coupon code, which finds its member. Tried in that order: a
 * card number has a check digit, so twelve digits that pass it are a card, never a phone.
 */
@Component
class TillLookup {
    private final Members members;
    private final Coupons coupons;

    TillLookup(Members members, Coupons coupons) {
        this.members = members;
        this.coupons = coupons;
    }

    sealed interface Found {
    }

    /** @param coupon the code typed, to be ticked on the check; null when a card or phone found them */
    record ByMember(Member member, String coupon) implements Found {
    }

    /** A phone nobody has: the one-step registration, with the phone as normalised. */
    record NewPhone(String e164) implements Found {
    }

    record Nothing() implements Found {
    }

    Found find(Tenant tenant, String typed) {
        String q = typed == null ? "" : typed.strip();
        if (q.isEmpty() || q.length() > 100) {
            return new Nothing();
        }
        String card = CardNumbers.clean(q);
        if (CardNumbers.isValid(card)) {
            return members.byCard(tenant.id(), card).filter(m -> !m.erased())
                    .<Found>map(m -> new ByMember(m, null)).orElse(new Nothing());
        }
        Optional<String> phone = PhoneNumbers.normalize(q, tenant.country());
        if (phone.isPresent()) {
            return members.byPhone(tenant.id(), phone.get()).filter(m -> !m.erased())
                    .<Found>map(m -> new ByMember(m, null)).orElse(new NewPhone(phone.get()));
        }
        Optional<Coupon> coupon = coupons.byCode(tenant.id(), q);
        if (coupon.isPresent()) {
            return members.byId(tenant.id(), coupon.get().member()).filter(m -> !m.erased())
                    .<Found>map(m -> new ByMember(m, coupon.get().code())).orElse(new Nothing());
        }
        return new Nothing();
    }
}
