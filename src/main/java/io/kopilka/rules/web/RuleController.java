package io.kopilka.rules.web;

import io.kopilka.rules.RuleDocument;
import io.kopilka.rules.Rules;
import io.kopilka.shared.Ids;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.shared.idempotency.Idempotency;
import io.kopilka.shared.web.CursorText;
import io.kopilka.shared.web.Page;
import io.kopilka.shared.web.PageLimit;
import io.kopilka.tenant.Caller;
import io.kopilka.tenant.Tenants;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
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

    RuleController(Rules rules, Tenants tenants, Idempotency idempotency) {
        this.rules = rules;
        this.tenants = tenants;
        this.idempotency = idempotency;
    }

    record RuleList(List<RuleDocument> items, String nextCursor) {
    }

    @PostMapping("/api/v1/rules")
    ResponseEntity<RuleDocument> create(@AuthenticationPrincipal Caller caller, @RequestBody RuleDocument request,
                                        @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        ZoneId zone = zone(caller);
        var outcome = idempotency.run(caller.tenant(), "rules", key, request, RuleDocument.class,
                () -> RuleDocument.of(rules.create(caller.tenant(), request.toRule(Ids.next())), zone));
        return ResponseEntity.status(outcome.replayed() ? 200 : 201).body(outcome.body());
    }

    @GetMapping("/api/v1/rules")
    @Operation(summary = "The live rules in evaluation order (highest priority first), paged with a cursor")
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
    RuleDocument get(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        return RuleDocument.of(rules.byId(caller.tenant(), uuid(id)).orElseThrow(() -> ApiProblem.notFound("Rule")),
                zone(caller));
    }

    @PutMapping("/api/v1/rules/{id}")
    RuleDocument replace(@AuthenticationPrincipal Caller caller, @PathVariable String id,
                         @RequestBody RuleDocument request,
                         @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        UUID ruleId = uuid(id);
        ZoneId zone = zone(caller);
        return idempotency.run(caller.tenant(), "rule-replace:" + ruleId, key, request, RuleDocument.class,
                () -> RuleDocument.of(rules.replace(caller.tenant(), ruleId, request.toRule(ruleId)), zone)).body();
    }

    /** With a key, a retry answers 204 again, where a second delete without one finds no rule (404). */
    @DeleteMapping("/api/v1/rules/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Deactivate a rule; purchases keep naming it")
    void delete(@AuthenticationPrincipal Caller caller, @PathVariable String id,
                @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        UUID ruleId = uuid(id);
        idempotency.runWithoutBody(caller.tenant(), "rule-delete", key, ruleId, () -> rules.delete(caller.tenant(), ruleId));
    }

    private static UUID uuid(String id) {
        return Ids.parse(id).orElseThrow(() -> ApiProblem.notFound("Rule"));
    }

    private ZoneId zone(Caller caller) {
        return tenants.get(caller.tenant()).timezone();
    }
}
