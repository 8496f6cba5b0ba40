package io.kopilka.member.web;

import io.kopilka.audit.AuditLog;
import io.kopilka.audit.Change;
import io.kopilka.member.Member;
import io.kopilka.member.MemberErasure;
import io.kopilka.member.MemberLevel;
import io.kopilka.member.MemberLevels;
import io.kopilka.member.Members;
import io.kopilka.shared.Ids;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.shared.idempotency.Idempotency;
import io.kopilka.shared.web.ApiDocs;
import io.kopilka.shared.web.Page;
import io.kopilka.shared.web.PageLimit;
import io.kopilka.tenant.Caller;
import io.kopilka.tenant.Tenants;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Members")
class MemberController {
    private final Members members;
    private final Tenants tenants;
    private final Idempotency idempotency;
    private final MemberLevels levels;
    private final AuditLog audit;
    private final MemberErasure erasure;

    MemberController(Members members, Tenants tenants, Idempotency idempotency, MemberLevels levels,
                     AuditLog audit, MemberErasure erasure) {
        this.erasure = erasure;
        this.levels = levels;
        this.audit = audit;
        this.members = members;
        this.tenants = tenants;
        this.idempotency = idempotency;
    }

    record MemberList(List<MemberView> items, @Nullable @Schema(description = ApiDocs.NEXT_CURSOR) String nextCursor) {
    }

    @PostMapping("/api/v1/members")
    @Operation(operationId = "registerMember",
            summary = "Register a member; the phone is normalised to E.164 and unique in the tenant",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(name = "member", value = MemberExamples.NEW_MEMBER))))
    @ApiResponse(responseCode = "201", description = "The member, with a card number and a referral code",
            content = @Content(schema = @Schema(implementation = MemberView.class),
                    examples = @ExampleObject(name = "member", value = MemberExamples.MEMBER)))
    @ApiResponse(responseCode = "200", description = ApiDocs.REPLAYED)
    @ApiResponse(responseCode = "409", description = "`member_exists`: a member with this phone exists; its id is "
            + "in `memberId`")
    @ApiResponse(responseCode = "422", description = "`validation_failed`: no phone nor e-mail, a phone that is "
            + "no phone number, an unknown `referralCode`, or another field invalid, each named in `errors`")
    ResponseEntity<MemberView> join(@AuthenticationPrincipal Caller caller, @RequestBody Members.NewMember request,
                                    @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                    HttpServletRequest http) {
        ZoneId zone = zone(caller);
        var outcome = idempotency.run(caller.tenant(), "members", key, request, MemberView.class,
                () -> view(caller, members.join(caller.tenant(), request, ConsentSources.of(caller, http)), zone));
        return ResponseEntity.status(outcome.replayed() ? 200 : 201).body(outcome.body());
    }

    @GetMapping("/api/v1/members/{id}")
    @Operation(operationId = "getMember", summary = "A member's record; an erased member shows `erased: true` and "
            + "no personal data")
    @ApiResponse(responseCode = "200", description = "The member")
    @ApiResponse(responseCode = "404", description = ApiDocs.MEMBER_NOT_FOUND)
    MemberView get(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        return view(caller, find(caller, id), zone(caller));
    }

    /** With {@code phone} or {@code card}: that one member or 404. Without: a page of all members. */
    @GetMapping("/api/v1/members")
    @Operation(operationId = "findMembers",
            summary = "Find a member by phone or card (one member or 404), or list members page by page",
            description = "With `phone` or `card`: that one member (a `MemberView`). Without: a page of all "
                    + "members (a `MemberList`), for admin keys only.")
    @ApiResponse(responseCode = "200", description = "The member found, or a page of members",
            content = @Content(schema = @Schema(oneOf = {MemberView.class, MemberList.class})))
    @ApiResponse(responseCode = "403", description = "`forbidden`: listing all members (no `phone` nor `card`) "
            + "is for admin keys only")
    @ApiResponse(responseCode = "404", description = "`not_found`: nobody has this phone or card (an erased "
            + "member is not found by them)")
    @ApiResponse(responseCode = "422", description = "`validation_failed`: both `phone` and `card`, a phone that "
            + "is no phone number, or a card number that is not 12 digits with a valid check digit")
    Object search(@AuthenticationPrincipal Caller caller,
                  @RequestParam(required = false) String phone, @RequestParam(required = false) String card,
                  @RequestParam(defaultValue = PageLimit.DEFAULT) int limit, @RequestParam(required = false) String cursor) {
        if (phone != null && card != null) {
            throw ApiProblem.invalid("phone", "search by phone or by card, not both");
        }
        if (phone != null || card != null) {
            Member found = (phone != null ? members.byPhone(caller.tenant(), phone) : members.byCard(caller.tenant(), card))
                    .orElseThrow(() -> ApiProblem.notFound("Member"));
            return view(caller, found, zone(caller));
        }
        PageLimit.check(limit);
        MemberId after = cursor == null ? null
                : new MemberId(Ids.parse(cursor).orElseThrow(() -> ApiProblem.invalid("cursor", "is not a cursor")));
        ZoneId zone = zone(caller);
        Page<MemberView> page = Page.of(limit, n -> members.page(caller.tenant(), after, n), m -> view(caller, m, zone),
                m -> m.id().toString());
        return new MemberList(page.items(), page.nextCursor());
    }

    @PatchMapping("/api/v1/members/{id}")
    @Operation(operationId = "updateMember",
            summary = "Change the fields sent; attributes and consents are merged key by key",
            description = "The body holds the fields of the member to change (`phone`, `email`, `name`, "
                    + "`birthDate`, `locale`, `consents`, `attributes`); a field sent as null is cleared, and in "
                    + "`attributes` a null removes the key (RFC 7396).")
    @ApiResponse(responseCode = "200", description = "The member after the change")
    @ApiResponse(responseCode = "403", description = ApiDocs.ADMIN_ONLY)
    @ApiResponse(responseCode = "404", description = ApiDocs.MEMBER_NOT_FOUND)
    @ApiResponse(responseCode = "409", description = "`member_exists`: another member has this phone\n"
            + ApiDocs.MEMBER_ERASED)
    MemberView update(@AuthenticationPrincipal Caller caller, @PathVariable String id,
                      @RequestBody Map<String, Object> changes,
                      @RequestHeader(name = "Idempotency-Key", required = false) String key,
                      HttpServletRequest http) {
        Member member = find(caller, id);
        ZoneId zone = zone(caller);
        // A merge is not idempotent by itself: a retry after a later change would undo that change.
        return idempotency.run(caller.tenant(), "member-update:" + member.id(), key, changes, MemberView.class, () -> {
            MemberView before = view(caller, members.lock(caller.tenant(), member.id()), zone);
            MemberView after = view(caller, members.update(caller.tenant(), member.id(),
                    new Members.MemberChanges(changes), ConsentSources.of(caller, http)), zone);
            audit.record(caller, Change.updated("member", after.id(), before, after));
            return after;
        }).body();
    }

    @PostMapping("/api/v1/members/{id}/card/reissue")
    @Operation(operationId = "reissueCard",
            summary = "Issue a new card number; the old one stops working and is never reused")
    @ApiResponse(responseCode = "200", description = "The member with the new card number (a retry with the same "
            + "`Idempotency-Key` answers the same number)")
    @ApiResponse(responseCode = "403", description = ApiDocs.ADMIN_ONLY)
    @ApiResponse(responseCode = "404", description = ApiDocs.MEMBER_NOT_FOUND)
    @ApiResponse(responseCode = "409", description = ApiDocs.MEMBER_ERASED)
    ResponseEntity<MemberView> reissue(@AuthenticationPrincipal Caller caller, @PathVariable String id,
                                       @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        Member member = find(caller, id);
        ZoneId zone = zone(caller);
        // A till that retries must not issue a third card and void the one it just printed.
        var outcome = idempotency.run(caller.tenant(), "reissue:" + member.id(), key, member.id().toString(),
                MemberView.class, () -> {
                    Member before = members.lock(caller.tenant(), member.id());
                    Member after = members.reissueCard(caller.tenant(), member.id());
                    audit.record(caller, new Change("member.card_reissued", "member", member.id().toString(),
                            CardHint.of(before), CardHint.of(after), null));
                    return view(caller, after, zone);
                });
        return ResponseEntity.ok(outcome.body());
    }

    @DeleteMapping("/api/v1/members/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "eraseMember",
            summary = "Erase the member's personal data; the id and an anonymous ledger history stay")
    @ApiResponse(responseCode = "204", description = "Erased (or it already was)")
    @ApiResponse(responseCode = "403", description = ApiDocs.ADMIN_ONLY)
    @ApiResponse(responseCode = "404", description = ApiDocs.MEMBER_NOT_FOUND)
    void erase(@AuthenticationPrincipal Caller caller, @PathVariable String id,
               @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        MemberId member = find(caller, id).id();
        idempotency.runWithoutBody(caller.tenant(), "member-erase", key, member.toString(),
                () -> erasure.erase(caller, member));
    }

    /** A card number as the audit log keeps it: its last four digits, enough to tell cards apart. */
    record CardHint(@Nullable String cardNumber) {
        static CardHint of(Member member) {
            String card = member.cardNumber();
            return new CardHint(card == null ? null : "…" + card.substring(card.length() - 4));
        }
    }

    private MemberView view(Caller caller, Member member, ZoneId zone) {
        MemberLevel level = member.erased() ? null : levels.of(caller.tenant(), member.id()).orElse(null);
        return MemberView.of(member, zone, level);
    }

    private Member find(Caller caller, String id) {
        return members.get(caller.tenant(), id);
    }

    private ZoneId zone(Caller caller) {
        return tenants.get(caller.tenant()).timezone();
    }
}
