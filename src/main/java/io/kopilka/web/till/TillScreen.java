package io.kopilka.web.till;

import io.kopilka.member.Member;
import io.kopilka.member.Members;
import io.kopilka.program.Program;
import io.kopilka.purchase.PurchaseHistory.FrequentItem;
import io.kopilka.purchase.Receipt;
import io.kopilka.purchase.ReceiptPart;
import io.kopilka.shared.Now;
import io.kopilka.shared.Text;
import io.kopilka.shared.Texts;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.tenant.Language;
import io.kopilka.tenant.StaffMember;
import io.kopilka.tenant.Stores;
import io.kopilka.tenant.Tenant;
import io.kopilka.tenant.Tenants;
import io.kopilka.web.admin.members.Formats;
import io.kopilka.web.common.FormErrors;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the till's member pages share: the member, the page's model and the result in words (TillPricing quotes). */
@Component
class TillScreen {
    private static final Texts TEXTS = Texts.messages();
    private final Members members;
    private final Tenants tenants;
    private final Stores stores;
    private final TillMemberView views;
    private final TillItems items;
    private final Clock clock;

    TillScreen(Members members, Tenants tenants, Stores stores, TillMemberView views,
               TillItems items, Clock clock) {
        this.members = members;
        this.tenants = tenants;
        this.stores = stores;
        this.views = views;
        this.items = items;
        this.clock = clock;
    }

    /**
     * @param store where the check is recorded; null when the business has no store yet
     * @param items the store's frequent items the check may pick from (TillItems)
     */
    record Context(StaffMember me, Tenant tenant, Member member, String store, Program program,
                   TillMemberView.View view, String language, List<FrequentItem> items) {
    }

    /** The member of this business, not erased; 404 otherwise (another business's member included). */
    Member member(StaffMember me, String id) {
        Member member = members.get(me.tenant(), id);
        if (member.erased()) {
            throw ApiProblem.notFound("Member");
        }
        return member;
    }

    /**
     * The cashier's store, fixed by the account; an owner or a manager with every store at the till
     * records at the business's first store.
     */
    String store(StaffMember me) {
        if (me.homeStore() != null) {
            return me.homeStore();
        }
        return stores.page(me.tenant(), null, 1).stream().findFirst().map(s -> s.code()).orElse(null);
    }

    Context fill(Model model, StaffMember me, Member member, CheckForm check, Locale locale) {
        Tenant tenant = tenants.get(me.tenant());
        String language = language(locale);
        String store = store(me);
        TillMemberView.View view = views.of(tenant, member, store, Now.of(clock), language);
        List<FrequentItem> offered = items.offered(me, Now.of(clock));
        model.addAttribute("view", view);
        model.addAttribute("items", offered);
        model.addAttribute("check", check);
        model.addAttribute("store", store);
        model.addAttribute("fmt", new Formats(tenant.timezone(), locale));
        model.addAttribute("errors", FormErrors.none());
        model.addAttribute("askCode", check.redeem() && !check.code().isEmpty());
        return new Context(me, tenant, member, store, view.program(), view, language, offered);
    }

    TillResult result(Context c, Receipt receipt, boolean replayed, Locale locale, Model model) {
        TillMemberView.View after = views.of(c.tenant(), c.member(), c.store(), Now.of(clock), c.language());
        model.addAttribute("view", after);
        List<String> lines = new ArrayList<>();
        lines.add(say("till.result.paid", Map.of("amount", receipt.payable()), c.language()));
        if (receipt.pointsRedeemed() > 0) {
            lines.add(say("till.result.redeemed", Map.of("n", receipt.pointsRedeemed(), "amount", receipt.redeemValue()),
                    c.language()));
        }
        if (receipt.pointsEarned() > 0) {
            lines.add(say("till.result.earned", Map.of("n", receipt.pointsEarned()), c.language()));
        }
        if (receipt.pointsPending() > 0) {
            lines.add(say("till.result.pending", Map.of("n", receipt.pointsPending()), c.language()));
        }
        if (receipt.balance() != null) {
            lines.add(say("till.result.balance", Map.of("n", receipt.balance().available()), c.language()));
        }
        receipt.level().filter(ReceiptPart.Level::changed).ifPresent(level -> lines.add(say("till.result.level",
                Map.of("level", after.level() == null ? level.code() : after.level()), c.language())));
        lines.addAll(receipt.messages());
        return new TillResult(receipt.id() == null ? null : receipt.id().value().toString(), lines, replayed);
    }

    static String say(String key, Map<String, Object> args, String language) {
        return TEXTS.render(new Text(key, args), language);
    }

    static String language(Locale locale) {
        return Language.fromTag(locale.getLanguage()).orElse(Language.RU).tag();
    }
}
