package io.kopilka.faq.web;

import io.kopilka.audit.AuditLog;
import io.kopilka.audit.Change;
import io.kopilka.faq.Faq;
import io.kopilka.faq.FaqList;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.shared.idempotency.Idempotency;
import io.kopilka.shared.web.ApiDocs;
import io.kopilka.tenant.Caller;
import io.kopilka.tenant.Language;
import io.kopilka.tenant.Tenants;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "FAQ")
class FaqController {
    private final Faq faq;
    private final Tenants tenants;
    private final Idempotency idempotency;
    private final AuditLog audit;
    private final TransactionTemplate tx;

    FaqController(Faq faq, Tenants tenants, Idempotency idempotency, AuditLog audit, TransactionTemplate tx) {
        this.faq = faq;
        this.tenants = tenants;
        this.idempotency = idempotency;
        this.audit = audit;
        this.tx = tx;
    }

    @GetMapping("/api/v1/faq")
    @Operation(operationId = "getFaq", summary = "The questions and answers customers read, in one language")
    @ApiResponse(responseCode = "200", description = "The owner's list, or the defaults (`custom: false`)")
    @ApiResponse(responseCode = "403", description = ApiDocs.ADMIN_ONLY)
    @ApiResponse(responseCode = "422", description = "`validation_failed`: `locale` is not ru, kk or en")
    FaqDocument get(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String locale) {
        Language language = locale == null ? tenants.get(caller.tenant()).locale()
                : Language.fromTag(locale).filter(l -> l.tag().equals(locale))
                .orElseThrow(() -> ApiProblem.invalid("locale", "must be ru, kk or en"));
        return FaqDocument.of(faq.questions(caller.tenant(), language));
    }

    @PutMapping("/api/v1/faq/{locale}")
    @Operation(operationId = "replaceFaq", summary = "Replace the questions of one language (reordering is replacing)")
    @ApiResponse(responseCode = "200", description = "The list as stored")
    @ApiResponse(responseCode = "403", description = ApiDocs.ADMIN_ONLY)
    @ApiResponse(responseCode = "404", description = "`not_found`: the locale is not ru, kk or en")
    @ApiResponse(responseCode = "422", description = "`validation_failed`: more than 30 items, or a question "
            + "(1 to 200 characters) or an answer (1 to 2000) out of bounds, each named in `errors`")
    ResponseEntity<FaqDocument> put(@AuthenticationPrincipal Caller caller, @PathVariable String locale,
                                    @RequestBody FaqReplacement request,
                                    @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        Language language = language(locale);
        var outcome = idempotency.run(caller.tenant(), "faq", key, request, FaqDocument.class, () -> {
            FaqList before = faq.questions(caller.tenant(), language);
            FaqList after = faq.replace(caller.tenant(), language, request.toItems());
            audit.record(caller, Change.updated("faq", language.tag(), before, after));
            return FaqDocument.of(after);
        });
        return ResponseEntity.ok(outcome.body());
    }

    @DeleteMapping("/api/v1/faq/{locale}")
    @Operation(operationId = "resetFaq", summary = "Forget the owner's questions of one language: back to the defaults")
    @ApiResponse(responseCode = "200", description = "The defaults, which customers read again")
    @ApiResponse(responseCode = "403", description = ApiDocs.ADMIN_ONLY)
    @ApiResponse(responseCode = "404", description = "`not_found`: the locale is not ru, kk or en")
    FaqDocument reset(@AuthenticationPrincipal Caller caller, @PathVariable String locale) {
        Language language = language(locale);
        return tx.execute(status -> {
            FaqList before = faq.questions(caller.tenant(), language);
            FaqList after = faq.reset(caller.tenant(), language);
            if (before.custom()) {
                audit.record(caller, new Change("faq.reset", "faq", language.tag(), before, after, null));
            }
            return FaqDocument.of(after);
        });
    }

    private static Language language(String locale) {
        return Language.fromTag(locale).filter(l -> l.tag().equals(locale))
                .orElseThrow(() -> ApiProblem.notFound("FAQ language"));
    }
}
