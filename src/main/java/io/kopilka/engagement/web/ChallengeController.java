package io.kopilka.engagement.web;

import io.kopilka.engagement.ChallengeDocument;
import io.kopilka.engagement.Challenges;
import io.kopilka.shared.Ids;
import io.kopilka.shared.Now;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.shared.idempotency.Idempotency;
import io.kopilka.shared.web.ApiDocs;
import io.kopilka.shared.web.CursorText;
import io.kopilka.shared.web.Page;
import io.kopilka.shared.web.PageLimit;
import io.kopilka.tenant.Caller;
import io.kopilka.tenant.Tenants;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The challenges (stamp cards); writes are admin only (the access matrix), reads the till's too. */
@RestController
@Tag(name = "Challenges")
class ChallengeController {
    static final String NOT_FOUND = "`not_found`: no challenge with this id in the tenant";
    private static final String INVALID = "`validation_failed`: fields of the challenge are invalid, all of them "
            + "named in `errors` (`name`, `names.<language>`, `description`, `metric`, `target`, `headStart`, "
            + "`window.days`, `maxCompletionsPerMember`, `qualifier.*`, `reward`, `reward.points`, `reward.rewardId` "
            + "(no active reward of the tenant), `reward.badge`, `validTo`, `surprise.*`); `invalid_condition`: the "
            + "qualifier's condition does not compile (with `line` and `column`)";
    private final Challenges challenges;
    private final Tenants tenants;
    private final Idempotency idempotency;
    private final Clock clock;

    ChallengeController(Challenges challenges, Tenants tenants, Idempotency idempotency, Clock clock) {
        this.challenges = challenges;
        this.tenants = tenants;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    record ChallengeList(List<ChallengeView> items,
                         @Nullable @Schema(description = ApiDocs.NEXT_CURSOR) String nextCursor) {
    }

    @PostMapping("/api/v1/challenges")
    @Operation(operationId = "createChallenge", summary = "Add a challenge (a stamp card) members' purchases count toward")
    @ApiResponse(responseCode = "201", description = "The challenge as stored")
    @ApiResponse(responseCode = "200", description = ApiDocs.REPLAYED)
    @ApiResponse(responseCode = "403", description = ApiDocs.ADMIN_ONLY)
    @ApiResponse(responseCode = "422", description = INVALID)
    ResponseEntity<ChallengeView> create(@AuthenticationPrincipal Caller caller,
                                         @RequestBody ChallengeDocument request,
                                         @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        var draft = request.toDraft();
        ZoneId zone = zone(caller);
        var outcome = idempotency.run(caller.tenant(), "challenges", key, request, ChallengeView.class,
                () -> ChallengeView.of(challenges.create(caller, draft, Now.of(clock)), zone));
        return ResponseEntity.status(outcome.replayed() ? 200 : 201).body(outcome.body());
    }

    @GetMapping("/api/v1/challenges")
    @Operation(operationId = "listChallenges", summary = "The challenges, active or not, paged with a cursor")
    @ApiResponse(responseCode = "200", description = "A page of challenges")
    ChallengeList list(@AuthenticationPrincipal Caller caller,
                       @RequestParam(defaultValue = PageLimit.DEFAULT) int limit,
                       @RequestParam(required = false) String cursor) {
        PageLimit.check(limit);
        UUID after = CursorText.parse(cursor, 1, p -> UUID.fromString(p[0]));
        ZoneId zone = zone(caller);
        Page<ChallengeView> page = Page.of(limit, n -> challenges.page(caller.tenant(), after, n),
                c -> ChallengeView.of(c, zone), c -> CursorText.of(c.id()));
        return new ChallengeList(page.items(), page.nextCursor());
    }

    @GetMapping("/api/v1/challenges/{id}")
    @Operation(operationId = "getChallenge", summary = "A challenge (active or not)")
    @ApiResponse(responseCode = "200", description = "The challenge")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    ChallengeView get(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        return ChallengeView.of(challenges.byId(caller.tenant(), challengeId(id))
                .orElseThrow(() -> ApiProblem.notFound("Challenge")), zone(caller));
    }

    @PutMapping("/api/v1/challenges/{id}")
    @Operation(operationId = "replaceChallenge",
            summary = "Replace a challenge's settings; members' progress and completions stay")
    @ApiResponse(responseCode = "200", description = "The challenge as stored (a retry with the same "
            + "`Idempotency-Key` answers it again)")
    @ApiResponse(responseCode = "403", description = ApiDocs.ADMIN_ONLY)
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "422", description = INVALID)
    ChallengeView replace(@AuthenticationPrincipal Caller caller, @PathVariable String id,
                          @RequestBody ChallengeDocument request,
                          @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        UUID challengeId = challengeId(id);
        var draft = request.toDraft();
        ZoneId zone = zone(caller);
        return idempotency.run(caller.tenant(), "challenge-replace:" + challengeId, key, request, ChallengeView.class,
                () -> ChallengeView.of(challenges.replace(caller, challengeId, draft, Now.of(clock)), zone)).body();
    }

    @DeleteMapping("/api/v1/challenges/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deactivateChallenge",
            summary = "Deactivate a challenge: no purchase counts toward it any more; progress and completions stay")
    @ApiResponse(responseCode = "204", description = "Deactivated (again, for one already inactive)")
    @ApiResponse(responseCode = "403", description = ApiDocs.ADMIN_ONLY)
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    void deactivate(@AuthenticationPrincipal Caller caller, @PathVariable String id,
                    @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        UUID challengeId = challengeId(id);
        idempotency.runWithoutBody(caller.tenant(), "challenge-deactivate", key, challengeId,
                () -> challenges.deactivate(caller, challengeId, Now.of(clock)));
    }

    static UUID challengeId(String id) {
        return Ids.parse(id).orElseThrow(() -> ApiProblem.notFound("Challenge"));
    }

    private ZoneId zone(Caller caller) {
        return tenants.get(caller.tenant()).timezone();
    }
}
