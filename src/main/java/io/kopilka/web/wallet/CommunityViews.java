package io.kopilka.web.wallet;

import io.kopilka.cause.Cause;
import io.kopilka.cause.CauseTexts;
import io.kopilka.cause.Causes;
import io.kopilka.member.Member;
import io.kopilka.member.Members;
import io.kopilka.program.Program;
import io.kopilka.program.Programs;
import io.kopilka.referral.Referrals;
import io.kopilka.shared.TenantId;
import io.kopilka.tenant.Tenant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** What members do together: the causes they give to, and the friends they bring. */
@Component
class CommunityViews {
    static final int CAUSES_SHOWN = 50;

    private final Causes causes;
    private final Referrals referrals;
    private final Members members;
    private final Programs programs;

    CommunityViews(Causes causes, Referrals referrals, Members members, Programs programs) {
        this.causes = causes;
        this.referrals = referrals;
        this.members = members;
        this.programs = programs;
    }

    /** @param progress 0 to 100 of the cause's goal; null without a goal */
    record CauseCard(String id, String name, String description, String together, Integer progress) {
    }

    List<CauseCard> causes(TenantId tenant, WalletFormats f) {
        return causes.page(tenant, true, null, CAUSES_SHOWN).stream().map(c -> cause(c, f)).toList();
    }

    private static CauseCard cause(Cause c, WalletFormats f) {
        String progress = c.progress();
        return new CauseCard(c.id().toString(), c.draft().names().in(f.language()), c.draft().description(),
                f.text(CauseTexts.together(c)), progress == null ? null : WalletFormats.percent(progress));
    }

    /**
     * @param lead    what inviting brings, in the program's figures
     * @param friends newest first, each by their first name only: the member invited them, the
     *                rest of their record is not the member's to see
     * @param earned  "600 баллов"; null before the first reward
     */
    record FriendsView(String link, String shareText, String lead, List<Friend> friends, String earned) {
    }

    record Friend(String name, String since, String status) {
    }

    FriendsView friends(Tenant tenant, Member member, String link, WalletFormats f) {
        Program.Referral terms = programs.of(tenant.id()).referral();
        String you = f.points(terms.referrerPoints());
        String friend = f.points(terms.refereePoints());
        String lead;
        if (terms.referrerPoints() > 0 && terms.refereePoints() > 0) {
            lead = f.text("wallet.friends.lead.both", Map.of("0", you, "1", friend));
        } else if (terms.referrerPoints() > 0) {
            lead = f.text("wallet.friends.lead.you", Map.of("0", you));
        } else if (terms.refereePoints() > 0) {
            lead = f.text("wallet.friends.lead.friend", Map.of("0", friend));
        } else {
            lead = f.text("wallet.friends.lead.none", Map.of());
        }
        Referrals.Summary summary = referrals.of(tenant.id(), member.id());
        List<Friend> friends = summary.invited().stream().map(i -> new Friend(
                members.byId(tenant.id(), i.memberId()).map(CommunityViews::firstName).orElse(null),
                f.day(i.joinedAt()), i.status().code())).toList();
        return new FriendsView(link, f.text("wallet.friends.share.text", Map.of("0", tenant.name())), lead, friends,
                summary.pointsEarned() > 0 ? f.points(summary.pointsEarned()) : null);
    }

    /** "Айгерим" of "Айгерим Сатпаева"; null for a friend without a name or erased. */
    static String firstName(Member m) {
        if (m.erased() || m.name() == null || m.name().isBlank()) {
            return null;
        }
        return m.name().strip().split("\\s+")[0];
    }
}
