package io.kopilka.tenant.web;

import io.kopilka.shared.Ids;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.shared.web.ApiDocs;
import io.kopilka.tenant.Caller;
import io.kopilka.tenant.Language;
import io.kopilka.tenant.StaffAccounts;
import io.kopilka.tenant.StaffAccounts.Link;
import io.kopilka.tenant.StaffMember;
import io.kopilka.tenant.StaffRole;
import io.kopilka.tenant.Tenants;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff accounts for the screens (admin keys only, as every other set-up). An invitation answers
 * with a one-time link that sets the password: the owner passes it on, and only its hash is kept.
 */
@RestController
@Tag(name = "Staff")
class StaffController {
    private final StaffAccounts staff;
    private final Tenants tenants;
    private final String base;

    StaffController(StaffAccounts staff, Tenants tenants, @Value("${kopilka.public-url:http://localhost:8080}") String base) {
        this.staff = staff;
        this.tenants = tenants;
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    record CreateStaff(@NotBlank @Size(max = 254) @Schema(example = "aigul@barberbro.kz") String email,
                       @NotBlank @Size(max = 200) @Schema(example = "Айгуль") String name,
                       @NotBlank @Schema(allowableValues = {"owner", "manager", "cashier"}) String role,
                       @Nullable @Schema(description = "Store codes; a cashier works at exactly one. Left out: every "
                               + "store") List<String> stores,
                       @Nullable @Schema(allowableValues = {"ru", "kk", "en"}, description = "The screens' language; "
                               + "left out: the business's") String language) {
    }

    record ChangeStaff(@Nullable @Size(max = 200) String name,
                       @Nullable @Schema(allowableValues = {"owner", "manager", "cashier"}) String role,
                       @Nullable List<String> stores,
                       @Nullable @Schema(allowableValues = {"ru", "kk", "en"}) String language) {
    }

    record StaffView(String id, String email, String name, String role, List<String> stores, @Nullable String language,
                     @Schema(description = "false until the invitation was followed") boolean passwordSet,
                     boolean active, OffsetDateTime createdAt, @Nullable OffsetDateTime lastSignInAt,
                     @Nullable @Schema(description = "Locked after repeated wrong passwords until then") OffsetDateTime lockedUntil,
                     @Nullable OffsetDateTime deactivatedAt) {
        static StaffView of(StaffMember s, ZoneId zone) {
            return new StaffView(s.id().toString(), s.email(), s.name(), s.role().code(), s.stores(),
                    s.language() == null ? null : s.language().tag(), s.passwordSet(), s.active(),
                    at(s.createdAt(), zone), at(s.lastSignInAt(), zone), at(s.lockedUntil(), zone),
                    at(s.deactivatedAt(), zone));
        }
    }

    record StaffCreated(StaffView staff,
                        @Schema(description = "The one-time link that sets the password, shown in this answer only")
                        String passwordLink, OffsetDateTime linkExpiresAt) {
    }

    record StaffList(List<StaffView> items) {
    }

    @PostMapping("/api/v1/staff")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createStaff", summary = "Invite a staff member (owner, manager or cashier)")
    @ApiResponse(responseCode = "201", description = "The account, and the one-time link that sets its password")
    @ApiResponse(responseCode = "403", description = ApiDocs.ADMIN_ONLY)
    @ApiResponse(responseCode = "409", description = "`email_taken`: an account (in any business) has this e-mail")
    @ApiResponse(responseCode = "422", description = "`validation_failed`: a bad e-mail, name, role, language or store")
    StaffCreated create(@AuthenticationPrincipal Caller caller, @RequestBody @Valid CreateStaff request) {
        Link link = staff.invite(caller, new StaffAccounts.NewStaff(request.email(), request.name(),
                role(request.role()), request.stores(), language(request.language())));
        return created(caller, link);
    }

    @GetMapping("/api/v1/staff")
    @Operation(operationId = "listStaff", summary = "The business's staff accounts, active ones first")
    @ApiResponse(responseCode = "200", description = "Every staff account of the business")
    @ApiResponse(responseCode = "403", description = ApiDocs.ADMIN_ONLY)
    StaffList list(@AuthenticationPrincipal Caller caller) {
        ZoneId zone = tenants.get(caller.tenant()).timezone();
        return new StaffList(staff.list(caller.tenant()).stream().map(s -> StaffView.of(s, zone)).toList());
    }

    @GetMapping("/api/v1/staff/{id}")
    @Operation(operationId = "getStaff", summary = "One staff account")
    @ApiResponse(responseCode = "200", description = "The account")
    @ApiResponse(responseCode = "404", description = "`not_found`: no such account in this business")
    StaffView get(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        return StaffView.of(staff.find(caller.tenant(), staffId(id)).orElseThrow(() -> ApiProblem.notFound("Staff member")),
                tenants.get(caller.tenant()).timezone());
    }

    @PatchMapping("/api/v1/staff/{id}")
    @Operation(operationId = "updateStaff", summary = "Change a staff member's name, role, stores or language",
            description = "A changed role or set of stores ends the account's sessions: it signs in again.")
    @ApiResponse(responseCode = "200", description = "The account as changed")
    @ApiResponse(responseCode = "404", description = "`not_found`: no such account in this business")
    @ApiResponse(responseCode = "409", description = "`last_owner`: the business's only active owner keeps that role")
    @ApiResponse(responseCode = "422", description = "`validation_failed`: a bad name, role, language or store")
    StaffView update(@AuthenticationPrincipal Caller caller, @PathVariable String id,
                     @RequestBody @Valid ChangeStaff request) {
        StaffMember changed = staff.update(caller, staffId(id), new StaffAccounts.StaffChange(request.name(),
                request.role() == null ? null : role(request.role()), request.stores(), language(request.language())));
        return StaffView.of(changed, tenants.get(caller.tenant()).timezone());
    }

    @DeleteMapping("/api/v1/staff/{id}")
    @Operation(operationId = "deactivateStaff", summary = "Deactivate a staff account: its sessions end at once",
            description = "The account stays in the list (and in the audit log) as deactivated.")
    @ApiResponse(responseCode = "200", description = "The account, deactivated (or already so)")
    @ApiResponse(responseCode = "404", description = "`not_found`: no such account in this business")
    @ApiResponse(responseCode = "409", description = "`last_owner`: the business's only active owner stays")
    StaffView deactivate(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        return StaffView.of(staff.deactivate(caller, staffId(id)), tenants.get(caller.tenant()).timezone());
    }

    @PostMapping("/api/v1/staff/{id}/password-link")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createStaffPasswordLink",
            summary = "A new one-time link that sets the password (a reset, or the invitation again)")
    @ApiResponse(responseCode = "201", description = "The link, shown in this answer only")
    @ApiResponse(responseCode = "404", description = "`not_found`: no such account in this business")
    @ApiResponse(responseCode = "409", description = "`staff_deactivated`: the account is deactivated")
    StaffCreated passwordLink(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        return created(caller, staff.resetLink(caller, staffId(id)));
    }

    private StaffCreated created(Caller caller, Link link) {
        ZoneId zone = tenants.get(caller.tenant()).timezone();
        return new StaffCreated(StaffView.of(link.staff(), zone), base + "/staff/password/" + link.token(),
                at(link.expiresAt(), zone));
    }

    private static UUID staffId(String id) {
        return Ids.parse(id).orElseThrow(() -> ApiProblem.notFound("Staff member"));
    }

    private static StaffRole role(String code) {
        return StaffRole.fromCode(code).orElseThrow(() -> ApiProblem.invalid("role", "must be owner, manager or cashier"));
    }

    private static Language language(String tag) {
        if (tag == null) {
            return null;
        }
        return Language.fromTag(tag).filter(l -> l.tag().equals(tag))
                .orElseThrow(() -> ApiProblem.invalid("language", "must be ru, kk or en"));
    }

    private static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
