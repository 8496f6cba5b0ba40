package io.kopilka.cause.web;

import io.kopilka.cause.Causes;
import io.kopilka.cause.Donation;
import io.kopilka.member.Member;
import io.kopilka.member.Members;
import io.kopilka.shared.Now;
import io.kopilka.shared.Points;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.shared.idempotency.Idempotency;
import io.kopilka.shared.web.ApiDocs;
import io.kopilka.tenant.Caller;
import io.kopilka.tenant.Tenants;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** A member gives points to a cause, at the till or in the admin console. */
@RestController
@Tag(name = "Causes")
class DonationController {
    private final Causes causes;
    private final Members members;
    private final Tenants tenants;
    private final Idempotency idempotency;
    private final Clock clock;

    DonationController(Causes causes, Members members, Tenants tenants, Idempotency idempotency, Clock clock) {
        this.causes = causes;
        this.members = members;
        this.tenants = tenants;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /** The request as sent, which is also what a retry's fingerprint is taken of. */
    record DonationRequest(@Schema(description = "An active cause of the program") String causeId,
                           @Schema(description = "Points to give, 1 to 10^9", example = "500") Long points) {
    }

    /** @param units the whole units of the cause this donation completed */
    record DonationView(String donationId, String causeId, long points,
                        @Schema(description = "The whole units of the cause this donation completed: 500 points "
                                + "of a 500-point tree are 1; 300 points complete one when 200 were waiting")
                        long units, DonationBalance balance,
                        @Schema(description = "The cause with its totals after the donation") CauseView cause) {
    }

    record DonationBalance(@Schema(description = "Points the member may spend now") long available,
                        @Schema(description = "Points earned but not available yet") long pending) {
    }

    @PostMapping("/api/v1/members/{id}/donations")
    @Operation(operationId = "donatePoints", summary = "The member gives points to a cause (history: donate)")
    @ApiResponse(responseCode = "201", description = "Given, with the member's points and the cause's totals after")
    @ApiResponse(responseCode = "200", description = ApiDocs.REPLAYED)
    @ApiResponse(responseCode = "404", description = ApiDocs.MEMBER_NOT_FOUND + "\n`not_found`: no cause with this "
            + "id in the tenant")
    @ApiResponse(responseCode = "409", description = ApiDocs.MEMBER_ERASED + "\n`insufficient_points`: the member "
            + "has fewer points available than the donation (the number is in `available`)")
    @ApiResponse(responseCode = "422", description = "`validation_failed`: `causeId` is missing or `points` is "
            + "missing or out of range\n`cause_not_active`: the cause was deactivated")
    ResponseEntity<DonationView> donate(@AuthenticationPrincipal Caller caller, @PathVariable String id,
                                        @RequestBody DonationRequest request,
                                        @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        Member member = members.get(caller.tenant(), id);
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        if (request.causeId() == null || request.causeId().isBlank()) {
            errors.add(new ApiProblem.FieldError("causeId", "is required"));
        }
        if (request.points() == null || request.points() < 1 || request.points() > Points.MAX) {
            errors.add(new ApiProblem.FieldError("points", "must be a whole number of points from 1 to " + Points.MAX));
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(422, "validation_failed", "The donation has invalid fields", errors, Map.of());
        }
        UUID causeId = CauseController.causeId(request.causeId());
        ZoneId zone = tenants.get(caller.tenant()).timezone();
        var outcome = idempotency.run(caller.tenant(), "donation:" + member.id(), key, request, DonationView.class,
                () -> view(causes.donate(caller, member, causeId, request.points(), Now.of(clock)), zone));
        return ResponseEntity.status(outcome.replayed() ? 200 : 201).body(outcome.body());
    }

    private static DonationView view(Donation d, ZoneId zone) {
        return new DonationView(d.id().toString(), d.causeId().toString(), d.points(), d.units(),
                new DonationBalance(d.available(), d.pending()), CauseView.of(d.cause(), zone));
    }
}
