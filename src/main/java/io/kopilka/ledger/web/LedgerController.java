package io.kopilka.ledger.web;

import io.kopilka.audit.AuditLog;
import io.kopilka.audit.Change;
import io.kopilka.ledger.Entry;
import io.kopilka.ledger.Ledger;
import io.kopilka.ledger.Transfer;
import io.kopilka.member.Member;
import io.kopilka.member.Members;
import io.kopilka.shared.Now;
import io.kopilka.shared.idempotency.Idempotency;
import io.kopilka.shared.web.ApiDocs;
import io.kopilka.shared.web.Page;
import io.kopilka.shared.web.PageLimit;
import io.kopilka.shared.web.TimeCursor;
import io.kopilka.tenant.Caller;
import io.kopilka.tenant.Language;
import io.kopilka.tenant.Tenants;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A member's points history and transfers between members. The balance and adjustments, whose
 * answers show the member's wallet (the points' value, the tier progress), are in {@code wallet}.
 */
@RestController
@Tag(name = "Points")
class LedgerController {

    private final Ledger ledger;
    private final Members members;
    private final Tenants tenants;
    private final Idempotency idempotency;
    private final Clock clock;
    private final AuditLog audit;

    LedgerController(Ledger ledger, Members members, Tenants tenants, Idempotency idempotency, Clock clock,
                     AuditLog audit) {
        this.audit = audit;
        this.ledger = ledger;
        this.members = members;
        this.tenants = tenants;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    record EntryView(String id,
                     @Schema(allowableValues = {"earn", "redeem", "expire", "reverse", "refund", "adjust",
                             "transfer_in", "transfer_out", "welcome", "birthday", "referral", "donate", "reward",
                             "gift", "challenge", "win_back"}) String type,
                     @Schema(description = "Positive for a credit, negative for a debit") long points,
                     OffsetDateTime createdAt, @Nullable OffsetDateTime expiresAt, @Nullable String purchaseId,
                     @Nullable String returnId, @Nullable String transferId, @Nullable String ruleName,
                     @Nullable String reason,
                     @Schema(description = "Why, in the reader's language: the entry's explanation, the admin's "
                             + "note, or what its type means") String note) {
    }

    record History(List<EntryView> items, @Nullable @Schema(description = ApiDocs.NEXT_CURSOR) String nextCursor) {
    }

    record TransferRequest(String fromMemberId, String toMemberId,
                           @Schema(description = "Above 0; at most what the giver has available") Long points) {
    }

    /** A transfer as the audit log keeps it. */
    record Transferred(String fromMemberId, String toMemberId, long points) {
    }

    record TransferDone(String id, String fromMemberId, String toMemberId, long points, long fromAvailable,
                        long toAvailable) {
    }

    @GetMapping("/api/v1/members/{id}/history")
    @Operation(operationId = "getPointsHistory",
            summary = "The member's ledger entries, newest first, paged with a cursor; lang overrides the member's "
                    + "language for the notes")
    @ApiResponse(responseCode = "200", description = "A page of entries")
    @ApiResponse(responseCode = "404", description = ApiDocs.MEMBER_NOT_FOUND)
    @ApiResponse(responseCode = "422", description = "`validation_failed`: `lang` is not ru, kk or en")
    History history(@AuthenticationPrincipal Caller caller, @PathVariable String id,
                    @RequestParam(defaultValue = PageLimit.DEFAULT) int limit, @RequestParam(required = false) String cursor,
                    @RequestParam(required = false) String lang) {
        Member member = member(caller, id);
        PageLimit.check(limit);
        Language language = Language.requested(lang, member.locale());
        TimeCursor after = TimeCursor.parse(cursor);
        ZoneId zone = tenants.get(caller.tenant()).timezone();
        Page<EntryView> page = Page.of(limit, n -> ledger.history(caller.tenant(), member.id(),
                        after == null ? null : after.at(), after == null ? null : after.id(), n),
                e -> view(e, zone, language), e -> new TimeCursor(e.createdAt(), e.id()).text());
        return new History(page.items(), page.nextCursor());
    }

    @PostMapping("/api/v1/transfers")
    @Operation(operationId = "transferPoints",
            summary = "Move available points between two members; they keep their expiry dates")
    @ApiResponse(responseCode = "201", description = "Moved, with both members' available points after")
    @ApiResponse(responseCode = "200", description = ApiDocs.REPLAYED)
    @ApiResponse(responseCode = "403", description = ApiDocs.ADMIN_ONLY)
    @ApiResponse(responseCode = "404", description = "`not_found`: no member with one of the ids in the tenant")
    @ApiResponse(responseCode = "409", description = "`member_erased`: one of the members was erased\n"
            + "`insufficient_points`: the giver has fewer points available (the number is in `available`)")
    @ApiResponse(responseCode = "422", description = "`validation_failed`: `points` is not above 0, or both ids "
            + "name the same member")
    ResponseEntity<TransferDone> transfer(@AuthenticationPrincipal Caller caller, @RequestBody TransferRequest request,
                                          @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        long points = Transfer.points(request.points());
        Member from = member(caller, request.fromMemberId());
        Member to = member(caller, request.toMemberId());
        // The erasure is checked inside: a retry of a transfer made before it still gets its first answer.
        var outcome = idempotency.run(caller.tenant(), "transfer", key, request, TransferDone.class, () -> {
            Transfer done = ledger.transfer(caller.tenant(), from, to, points, Now.of(clock));
            audit.record(caller, new Change("points.transferred", "points", done.id().toString(), null,
                    new Transferred(done.from().toString(), done.to().toString(), done.points()), null));
            return new TransferDone(done.id().toString(), done.from().toString(), done.to().toString(), done.points(),
                    done.fromAvailable(), done.toAvailable());
        });
        return ResponseEntity.status(outcome.replayed() ? 200 : 201).body(outcome.body());
    }

    private Member member(Caller caller, String id) {
        return members.get(caller.tenant(), id);
    }

    private static EntryView view(Entry e, ZoneId zone, Language language) {
        return new EntryView(e.id().toString(), e.type().code(), e.points(), e.createdAt().atZone(zone).toOffsetDateTime(),
                e.expiresAt() == null ? null : e.expiresAt().atZone(zone).toOffsetDateTime(), str(e.purchaseId()),
                str(e.returnId()), str(e.transferId()), e.ruleName(), e.reason(), e.noteIn(language.tag()));
    }

    private static String str(Object id) {
        return id == null ? null : id.toString();
    }
}
