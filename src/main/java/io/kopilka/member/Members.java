package io.kopilka.member;

import io.kopilka.shared.Ids;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import io.kopilka.shared.error.ApiProblem;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The members of a tenant. Every method is scoped to one tenant: another tenant's member is not found. */
public interface Members {

    /** Validates and adds a member, and publishes {@link MemberJoined} in the same transaction. */
    Member join(TenantId tenant, NewMember member);

    Optional<Member> byId(TenantId tenant, MemberId id);

    /** The member named by an id from a URL or a body; text that is no id, or another tenant's, is 404. */
    default Member get(TenantId tenant, String id) {
        return Ids.parse(id).flatMap(uuid -> byId(tenant, new MemberId(uuid)))
                .orElseThrow(() -> ApiProblem.notFound("Member"));
    }

    /** Finds by phone in any format the tenant's customers type; throws 422 for text that is no phone. */
    Optional<Member> byPhone(TenantId tenant, String phone);

    /** Finds by the current card number; a reissued (old) number finds nobody. */
    Optional<Member> byCard(TenantId tenant, String card);

    /** Resolves a till's reference or throws 404; erased members are not found by phone or card. */
    Member resolve(TenantId tenant, MemberRef ref);

    List<Member> page(TenantId tenant, MemberId after, int limit);

    /**
     * Members not erased whose birthday (month and day, as {@code "MM-dd"}) is one of {@code days},
     * in id order after {@code after} (null: from the first), at most {@code limit}.
     */
    List<Member> bornOn(TenantId tenant, List<String> days, MemberId after, int limit);

    /**
     * The member, locked until the caller's transaction ends (which must be open): what a change's
     * "before" is read from, so that no other change slips in between; 404 for no such member.
     */
    Member lock(TenantId tenant, MemberId id);

    Member update(TenantId tenant, MemberId id, MemberChanges changes);

    Member reissueCard(TenantId tenant, MemberId id);

    /**
     * Sets the member's consent to a channel ({@code email}, {@code sms}, {@code telegram}, {@code marketing}) to
     * false, as the member asked through {@code source} (e.g. {@code unsubscribe_link}), and publishes
     * {@link MemberUpdated}; false when there was nothing to withdraw (no such member, erased, or already off).
     */
    boolean withdrawConsent(TenantId tenant, MemberId id, String channel, String source);

    /** As {@link #withdrawConsent(TenantId, MemberId, String, String)}, the history keeping where it came from. */
    boolean withdrawConsent(TenantId tenant, MemberId id, String channel, ConsentSource source);

    /** Clears the member's personal data and publishes {@link MemberErased}; a no-op for an erased member. */
    void erase(TenantId tenant, MemberId id);

    /**
     * As {@link #join(TenantId, NewMember)}, recording each consent given with how and from where
     * ({@link Consents}); the shorter form records them as given by the {@link ConsentSource#system() system}.
     */
    Member join(TenantId tenant, NewMember member, ConsentSource source);

    /** As {@link #update(TenantId, MemberId, MemberChanges)}, recording each consent key whose value changed. */
    Member update(TenantId tenant, MemberId id, MemberChanges changes, ConsentSource source);

    @Schema(description = "A phone or an e-mail is required; the rest may be left out")
    record NewMember(@Nullable @Schema(description = "In any format the tenant's customers type; stored as E.164",
                             example = "8 701 123 45 67") String phone,
                     @Nullable @Schema(example = "aigerim@example.kz") String email,
                     @Nullable @Schema(example = "Aigerim") String name,
                     @Nullable @Schema(format = "date", example = "1990-04-02") String birthDate,
                     @Nullable @Schema(description = "ru, kk or en; the tenant's language when left out",
                             example = "kk") String locale,
                     @Nullable @Schema(description = "Another member's referral code", example = "K7M2QX9P")
                     String referralCode,
                     @Nullable @Schema(description = "Channel to consent, e.g. {\"sms\": true}")
                     Map<String, Object> consents,
                     @Nullable @Schema(description = "Free-form JSON of the tenant's own, up to 16 384 characters")
                     Map<String, Object> attributes) {
    }

    /**
     * A partial update. Only fields the caller sent are present in {@code fields}; a present null
     * clears the field. {@code attributes} are merged key by key (RFC 7396): a null value removes the key.
     */
    record MemberChanges(Map<String, Object> fields) {
    }
}
