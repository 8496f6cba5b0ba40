package io.kopilka.rules.web;

import io.kopilka.audit.AuditLog;
import io.kopilka.audit.Change;
import io.kopilka.shared.RuleId;
import io.kopilka.rules.RuleDocument;
import io.kopilka.rules.Rules;
import io.kopilka.shared.Ids;
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
import java.time.Instant;
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

@RestController
@Tag(name = "Rules")
class RuleController {
    private final Rules rules;
    private final Tenants tenants;
    private final Idempotency idempotency;
    private final AuditLog audit;

    RuleController(Rules rules, Tenants tenants, Idempotency idempotency, AuditLog audit) {
        this.rules = rules;
        this.tenants = tenants;
        this.idempotency = idempotency;
        this.audit = audit;
    }

    record RuleList(List<RuleDocument> items, @Nullable @Schema(description = ApiDocs.NEXT_CURSOR) String nextCursor) {
    }

    private static final String INVALID_RULE = "`validation_failed`: fields of the rule are invalid, all of them "
            + "named in `errors`\n"
            + "`invalid_condition`: the condition does not compile (`line` and `column` say where)\n"
            + "`unknown_target`: an `issue_coupon` rule names no active reward of the tenant (a `cause_contribution` "
            + "rule, no cause of it)\n"
            + "`unsupported_rule_field`: a `segment`, not available yet";
    private static final String RULE_NOT_FOUND = "`not_found`: no rule with this id in the tenant";

    @PostMapping("/api/v1/rules")
    @Operation(operationId = "createRule", summary = "Add a rule; it applies from the next purchase on")
    @ApiResponse(responseCode = "201", description = "The rule as stored")
    @ApiResponse(responseCode = "200", description = ApiDocs.REPLAYED)
    @ApiResponse(responseCode = "403", description = ApiDocs.ADMIN_ONLY)
    @ApiResponse(responseCode = "422", description = INVALID_RULE)
    ResponseEntity<RuleDocument> create(@AuthenticationPrincipal Caller caller, @RequestBody RuleDocument request,
                                        @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        ZoneId zone = zone(caller);
        var outcome = idempotency.run(caller.tenant(), "rules", key, request, RuleDocument.class, () -> {
            RuleDocument created = RuleDocument.of(rules.create(caller.tenant(), request.toRule(RuleId.next())), zone);
            audit.record(caller, Change.created("rule", created.id(), created));
            return created;
        });
        return ResponseEntity.status(outcome.replayed() ? 200 : 201).body(outcome.body());
    }

    @GetMapping("/api/v1/rules")
    @Operation(operationId = "listRules",
            summary = "The live rules in evaluation order (highest priority first), paged with a cursor")
    @ApiResponse(responseCode = "200", description = "A page of rules")
    @ApiResponse(responseCode = "403", description = ApiDocs.ADMIN_ONLY)
    RuleList list(@AuthenticationPrincipal Caller caller,
                  @RequestParam(defaultValue = PageLimit.DEFAULT) int limit,
                  @RequestParam(required = false) String cursor) {
        PageLimit.check(limit);
        Rules.Position after = CursorText.parse(cursor, 3,
                p -> new Rules.Position(Integer.parseInt(p[0]), Instant.parse(p[1]), UUID.fromString(p[2])));
        ZoneId zone = zone(caller);
        Page<RuleDocument> page = Page.of(limit, n -> rules.page(caller.tenant(), after, n),
                l -> RuleDocument.of(l.rule(), zone),
                l -> CursorText.of(l.position().priority(), l.position().createdAt(), l.position().id()));
        return new RuleList(page.items(), page.nextCursor());
    }

    @GetMapping("/api/v1/rules/{id}")
    @Operation(operationId = "getRule", summary = "A live rule")
    @ApiResponse(responseCode = "200", description = "The rule")
    @ApiResponse(responseCode = "403", description = ApiDocs.ADMIN_ONLY)
    @ApiResponse(responseCode = "404", description = RULE_NOT_FOUND)
    RuleDocument get(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        return RuleDocument.of(rules.byId(caller.tenant(), ruleId(id)).orElseThrow(() -> ApiProblem.notFound("Rule")),
                zone(caller));
    }

    @PutMapping("/api/v1/rules/{id}")
    @Operation(operationId = "replaceRule",
            summary = "Replace a rule; the next purchases are priced by the new version")
    @ApiResponse(responseCode = "200", description = "The rule as stored")
    @ApiResponse(responseCode = "403", description = ApiDocs.ADMIN_ONLY)
    @ApiResponse(responseCode = "404", description = RULE_NOT_FOUND)
    @ApiResponse(responseCode = "422", description = INVALID_RULE + "\n`budget_below_spent`: the budget is below "
            + "what the rule has already given (the number is in `spent`)")
    RuleDocument replace(@AuthenticationPrincipal Caller caller, @PathVariable String id,
                         @RequestBody RuleDocument request,
                         @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        RuleId ruleId = ruleId(id);
        ZoneId zone = zone(caller);
        return idempotency.run(caller.tenant(), "rule-replace:" + ruleId, key, request, RuleDocument.class, () -> {
            RuleDocument before = document(caller, ruleId, zone);
            RuleDocument after = RuleDocument.of(rules.replace(caller.tenant(), ruleId, request.toRule(ruleId)), zone);
            audit.record(caller, Change.updated("rule", ruleId.toString(), before, after));
            return after;
        }).body();
    }

    /** With a key, a retry answers 204 again, where a second delete without one finds no rule (404). */
    @DeleteMapping("/api/v1/rules/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteRule", summary = "Deactivate a rule; purchases keep naming it")
    @ApiResponse(responseCode = "204", description = "Deactivated")
    @ApiResponse(responseCode = "403", description = ApiDocs.ADMIN_ONLY)
    @ApiResponse(responseCode = "404", description = RULE_NOT_FOUND + " (a retry with the same `Idempotency-Key` "
            + "answers 204 again)")
    void delete(@AuthenticationPrincipal Caller caller, @PathVariable String id,
                @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        RuleId ruleId = ruleId(id);
        ZoneId zone = zone(caller);
        idempotency.runWithoutBody(caller.tenant(), "rule-delete", key, ruleId.value(), () -> {
            RuleDocument before = document(caller, ruleId, zone);
            rules.delete(caller.tenant(), ruleId);
            audit.record(caller, new Change("rule.archived", "rule", ruleId.toString(), before, null, null));
        });
    }

    /** The rule before a change, read in its transaction; null only where the change then finds no rule (404). */
    private RuleDocument document(Caller caller, RuleId id, ZoneId zone) {
        return rules.byId(caller.tenant(), id).map(rule -> RuleDocument.of(rule, zone)).orElse(null);
    }

    private static RuleId ruleId(String id) {
        return Ids.parse(id).map(RuleId::new).orElseThrow(() -> ApiProblem.notFound("Rule"));
    }

    private ZoneId zone(Caller caller) {
        return tenants.get(caller.tenant()).timezone();
    }
}
