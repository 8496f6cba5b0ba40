package io.kopilka.program.web;

import io.kopilka.audit.AuditLog;
import io.kopilka.audit.Change;
import io.kopilka.program.Programs;
import io.kopilka.shared.idempotency.Idempotency;
import io.kopilka.shared.web.ApiDocs;
import io.kopilka.tenant.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Program")
class ProgramController {
    private final Programs programs;
    private final Idempotency idempotency;
    private final AuditLog audit;

    ProgramController(Programs programs, Idempotency idempotency, AuditLog audit) {
        this.programs = programs;
        this.idempotency = idempotency;
        this.audit = audit;
    }

    @GetMapping("/api/v1/program")
    @Operation(operationId = "getProgram",
            summary = "The program settings: point value, redemption, expiry, bonuses")
    @ApiResponse(responseCode = "200", description = "The program")
    @ApiResponse(responseCode = "403", description = ApiDocs.ADMIN_ONLY)
    ProgramDocument get(@AuthenticationPrincipal Caller caller) {
        return ProgramDocument.of(programs.of(caller.tenant()));
    }

    @PutMapping("/api/v1/program")
    @Operation(operationId = "replaceProgram",
            summary = "Replace the program settings; missing fields take their defaults")
    @ApiResponse(responseCode = "200", description = "The program as stored, every field filled in")
    @ApiResponse(responseCode = "403", description = ApiDocs.ADMIN_ONLY)
    @ApiResponse(responseCode = "422", description = "`validation_failed`: a setting is out of range, each named in "
            + "`errors`")
    ResponseEntity<ProgramDocument> put(@AuthenticationPrincipal Caller caller, @RequestBody ProgramDocument request,
                                        @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        var outcome = idempotency.run(caller.tenant(), "program", key, request, ProgramDocument.class, () -> {
            ProgramDocument before = ProgramDocument.of(programs.of(caller.tenant()));
            ProgramDocument after = ProgramDocument.of(programs.replace(caller.tenant(), request.toProgram(0)));
            audit.record(caller, Change.updated("program", null, before, after));
            return after;
        });
        return ResponseEntity.ok(outcome.body());
    }
}
