package io.kopilka.ledger.web;

import io.kopilka.shared.Points;
import io.kopilka.shared.Money;
import io.kopilka.ledger.Balance;
import io.kopilka.ledger.Credit;
import io.kopilka.ledger.Entry;
import io.kopilka.ledger.EntryType;
import io.kopilka.ledger.Ledger;
import io.kopilka.member.Member;
import io.kopilka.member.Members;
import io.kopilka.program.Program;
import io.kopilka.program.Programs;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.Now;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.shared.idempotency.Idempotency;
import io.kopilka.shared.web.Page;
import io.kopilka.shared.web.PageLimit;
import io.kopilka.shared.web.TimeCursor;
import io.kopilka.tenant.Caller;
import io.kopilka.tenant.Language;
import io.kopilka.tenant.Tenant;
import io.kopilka.tenant.Tenants;
import io.kopilka.tier.Tiers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Points")
class LedgerController {

    private final Ledger ledger;
    private final Members members;
    private final Tenants tenants;
    private final Programs programs;
    private final Idempotency idempotency;
    private final Clock clock;
    private final Tiers tiers;

    LedgerController(Ledger ledger, Members members, Tenants tenants, Programs programs, Idempotency idempotency,
                     Clock clock, Tiers tiers) {
        this.tiers = tiers;
        this.ledger = ledger;
        this.members = members;
        this.tenants = tenants;
        this.programs = programs;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    record ExpiringView(long points, OffsetDateTime expiresAt) {
    }

    record BalanceView(long available, long pending, String value, List<ExpiringView> expiring, Object tier) {
    }

    record EntryView(String id, String type, long points, OffsetDateTime createdAt, OffsetDateTime expiresAt,
                     String purchaseId, String returnId, String transferId, String ruleName, String reason,
                     String note) {
    }

    record History(List<EntryView> items, String nextCursor) {
    }

    record Adjustment(Long points, String reason, String note) {
    }

    record AdjustmentDone(String memberId, long points, String reason, String note, BalanceView balance) {
    }

    record TransferRequest(String fromMemberId, String toMemberId, Long points) {
    }

    record TransferDone(String id, String fromMemberId, String toMemberId, long points, long fromAvailable,
                        long toAvailable) {
    }

    @GetMapping("/api/v1/members/{id}/balance")
    @Operation(summary = "Available and pending points, their value, and what expires next")
    BalanceView balance(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        Member member = member(caller, id);
        return balanceView(caller, member.id());
    }

    @GetMapping("/api/v1/members/{id}/history")
    @Operation(summary = "The member's ledger entries, newest first, paged with a cursor; a purchase's note "
            + "reads in lang (ru, kk, en), by default the member's language")
    History history(@AuthenticationPrincipal Caller caller, @PathVariable String id,
                    @RequestParam(defaultValue = PageLimit.DEFAULT) int limit, @RequestParam(required = false) String cursor,
                    @RequestParam(required = false) String lang) {
        Member member = member(caller, id);
        PageLimit.check(limit);
        Language language = lang == null ? member.locale()
                : Language.fromTag(lang).orElseThrow(() -> ApiProblem.invalid("lang", "must be ru, kk or en"));
        TimeCursor after = TimeCursor.parse(cursor);
        ZoneId zone = zone(caller);
        Page<EntryView> page = Page.of(limit, n -> ledger.history(caller.tenant(), member.id(),
                        after == null ? null : after.at(), after == null ? null : after.id(), n),
                e -> view(e, zone, language), e -> new TimeCursor(e.createdAt(), e.id()).text());
        return new History(page.items(), page.nextCursor());
    }

    @PostMapping("/api/v1/members/{id}/adjustments")
    @Operation(summary = "Give or take points by hand (admin); the reason and who did it are kept")
    ResponseEntity<AdjustmentDone> adjust(@AuthenticationPrincipal Caller caller, @PathVariable String id,
                                          @RequestBody Adjustment request,
                                          @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        Member member = member(caller, id);
        if (request.points() == null || request.points() == 0 || request.points() < -Points.MAX
                || request.points() > Points.MAX) {
            throw ApiProblem.invalid("points", "must be a non-zero whole number of points up to " + Points.MAX);
        }
        if (request.reason() == null || request.reason().isBlank() || request.reason().length() > 200) {
            throw ApiProblem.invalid("reason", "is required (up to 200 characters)");
        }
        if (request.note() != null && request.note().length() > 1000) {
            throw ApiProblem.invalid("note", "must be at most 1000 characters");
        }
        Tenant tenant = tenants.get(caller.tenant());
        Program program = programs.of(caller.tenant());
        var outcome = idempotency.run(caller.tenant(), "adjustment:" + member.id(), key, request, AdjustmentDone.class,
                () -> {
                    if (member.erased()) {
                        throw ApiProblem.conflict("member_erased", "An erased member cannot be given or charged points");
                    }
                    Instant now = Now.of(clock);
                    ledger.lock(caller.tenant(), member.id(), now);
                    long points = request.points();
                    if (points > 0) {
                        ledger.credit(caller.tenant(), member.id(), new Credit(EntryType.ADJUST, points, now,
                                program.expiry().expiresAt(now, tenant.timezone()).orElse(null), null, null, null,
                                request.reason(), request.note(), caller.actor()), now);
                    } else {
                        ledger.spend(caller.tenant(), member.id(), EntryType.ADJUST, -points, null, request.reason(),
                                request.note(), caller.actor(), now);
                    }
                    return new AdjustmentDone(member.id().toString(), points, request.reason(), request.note(),
                            balanceView(caller, member.id()));
                });
        return ResponseEntity.status(outcome.replayed() ? 200 : 201).body(outcome.body());
    }

    @PostMapping("/api/v1/transfers")
    @Operation(summary = "Move available points between two members; they keep their expiry dates")
    ResponseEntity<TransferDone> transfer(@AuthenticationPrincipal Caller caller, @RequestBody TransferRequest request,
                                          @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        if (request.points() == null || request.points() <= 0 || request.points() > Points.MAX) {
            throw ApiProblem.invalid("points", "must be a whole number of points above 0");
        }
        Member from = member(caller, request.fromMemberId());
        Member to = member(caller, request.toMemberId());
        var outcome = idempotency.run(caller.tenant(), "transfer", key, request, TransferDone.class, () -> {
            // Checked inside: a retry of a transfer made before an erasure still gets its first answer.
            if (from.erased() || to.erased()) {
                throw ApiProblem.conflict("member_erased", "Points cannot move to or from an erased member");
            }
            Instant now = Now.of(clock);
            UUID id = ledger.transfer(caller.tenant(), from.id(), to.id(), request.points(), now);
            return new TransferDone(id.toString(), from.id().toString(), to.id().toString(), request.points(),
                    ledger.balance(caller.tenant(), from.id(), now).available(),
                    ledger.balance(caller.tenant(), to.id(), now).available());
        });
        return ResponseEntity.status(outcome.replayed() ? 200 : 201).body(outcome.body());
    }

    private BalanceView balanceView(Caller caller, MemberId member) {
        ZoneId zone = zone(caller);
        Program program = programs.of(caller.tenant());
        Instant now = Now.of(clock);
        Balance b = ledger.balance(caller.tenant(), member, now);
        int scale = Money.scaleOf(tenants.get(caller.tenant()).currency());
        String value = program.pointValue().multiply(BigDecimal.valueOf(b.available()))
                .setScale(scale, RoundingMode.DOWN).toPlainString();
        return new BalanceView(b.available(), b.pending(), value, b.expiring().stream()
                .map(e -> new ExpiringView(e.points(), e.expiresAt().atZone(zone).toOffsetDateTime())).toList(),
                tiers.progress(caller.tenant(), member, now).orElse(null));
    }

    private Member member(Caller caller, String id) {
        return members.get(caller.tenant(), id);
    }

    private ZoneId zone(Caller caller) {
        return tenants.get(caller.tenant()).timezone();
    }

    private static EntryView view(Entry e, ZoneId zone, Language language) {
        return new EntryView(e.id().toString(), e.type().code(), e.points(), e.createdAt().atZone(zone).toOffsetDateTime(),
                e.expiresAt() == null ? null : e.expiresAt().atZone(zone).toOffsetDateTime(), str(e.purchaseId()),
                str(e.returnId()), str(e.transferId()), e.ruleName(), e.reason(), e.noteIn(language.tag()));
    }

    private static String str(UUID id) {
        return id == null ? null : id.toString();
    }
}
