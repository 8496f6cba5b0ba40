package io.kopilka.reward.web;

import io.kopilka.member.Member;
import io.kopilka.member.Members;
import io.kopilka.reward.Coupon;
import io.kopilka.reward.CouponCodes;
import io.kopilka.reward.CouponStatus;
import io.kopilka.reward.Coupons;
import io.kopilka.shared.Now;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.shared.idempotency.Idempotency;
import io.kopilka.shared.web.ApiDocs;
import io.kopilka.shared.web.Page;
import io.kopilka.shared.web.PageLimit;
import io.kopilka.shared.web.TimeCursor;
import io.kopilka.tenant.Caller;
import io.kopilka.tenant.Language;
import io.kopilka.tenant.Tenant;
import io.kopilka.tenant.Tenants;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A member's coupons, a coupon by its code, a gift handed over, a coupon cancelled. */
@RestController
@Tag(name = "Rewards")
class CouponController {
    private static final String CODE_NOT_FOUND = "`not_found`: no coupon with this code in the tenant";
    static final int MAX_REASON = 200;

    private final Coupons coupons;
    private final Members members;
    private final Tenants tenants;
    private final Idempotency idempotency;
    private final Clock clock;

    CouponController(Coupons coupons, Members members, Tenants tenants, Idempotency idempotency, Clock clock) {
        this.coupons = coupons;
        this.members = members;
        this.tenants = tenants;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    record CouponList(List<CouponView> items, @Nullable @Schema(description = ApiDocs.NEXT_CURSOR) String nextCursor) {
    }

    record Cancellation(@Nullable @Schema(description = "Why, up to 200 characters; kept in the audit log")
                        String reason) {
    }

    @GetMapping("/api/v1/members/{id}/coupons")
    @Operation(operationId = "listMemberCoupons", summary = "The member's coupons, newest first, paged with a cursor")
    @ApiResponse(responseCode = "200", description = "A page of coupons")
    @ApiResponse(responseCode = "404", description = ApiDocs.MEMBER_NOT_FOUND)
    @ApiResponse(responseCode = "422", description = "`validation_failed`: `status` is not active, used, expired or "
            + "cancelled, or `limit` or `cursor` is invalid")
    CouponList list(@AuthenticationPrincipal Caller caller, @PathVariable String id,
                    @RequestParam(defaultValue = PageLimit.DEFAULT) int limit,
                    @RequestParam(required = false) String cursor,
                    @Parameter(description = "active, used, expired or cancelled; all when left out")
                    @RequestParam(required = false) String status) {
        Member member = members.get(caller.tenant(), id);
        PageLimit.check(limit);
        TimeCursor after = TimeCursor.parse(cursor);
        CouponStatus wanted = status == null ? null : CouponStatus.fromCode(status)
                .orElseThrow(() -> ApiProblem.invalid("status", "must be active, used, expired or cancelled"));
        Tenant tenant = tenants.get(caller.tenant());
        Instant now = Now.of(clock);
        Page<CouponView> page = Page.of(limit, n -> coupons.ofMember(caller.tenant(), member.id(), wanted,
                        after == null ? null : after.at(), after == null ? null : after.id(), n, now),
                c -> CouponView.of(c, tenant.timezone(), tenant.currency(), member.locale().tag(), now),
                c -> new TimeCursor(c.issuedAt(), c.id()).text());
        return new CouponList(page.items(), page.nextCursor());
    }

    @GetMapping("/api/v1/coupons/{code}")
    @Operation(operationId = "getCoupon", summary = "A coupon by its code, in any case, with or without dashes")
    @ApiResponse(responseCode = "200", description = "The coupon")
    @ApiResponse(responseCode = "404", description = CODE_NOT_FOUND)
    CouponView get(@AuthenticationPrincipal Caller caller, @PathVariable String code) {
        Coupon coupon = coupons.byCode(caller.tenant(), code).orElseThrow(() -> ApiProblem.notFound("Coupon"));
        return view(caller, coupon, Now.of(clock));
    }

    @PostMapping("/api/v1/coupons/{code}/use")
    @Operation(operationId = "useCoupon", summary = "Hand over a gift or an experience: its coupon becomes used. "
            + "Discounts are used at checkout, with the purchase's `couponCodes`")
    @ApiResponse(responseCode = "200", description = "The coupon, used")
    @ApiResponse(responseCode = "404", description = CODE_NOT_FOUND)
    @ApiResponse(responseCode = "409", description = "`coupon_used`: used elsewhere at the same moment")
    @ApiResponse(responseCode = "422", description = "`coupon_invalid`: `reason` says why: use_at_checkout (a "
            + "discount), wrong_store, used, expired, cancelled")
    CouponView use(@AuthenticationPrincipal Caller caller, @PathVariable String code,
                   @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        return idempotency.run(caller.tenant(), "coupon-use", key, canonical(code), CouponView.class, () -> {
            Instant now = Now.of(clock);
            return view(caller, coupons.handOver(caller, code, now), now);
        }).body();
    }

    @PostMapping("/api/v1/coupons/{code}/cancel")
    @Operation(operationId = "cancelCoupon", summary = "Cancel an unused coupon (admin); one bought with points gives "
            + "them back. Audited with the reason")
    @ApiResponse(responseCode = "200", description = "The coupon, cancelled")
    @ApiResponse(responseCode = "403", description = ApiDocs.ADMIN_ONLY)
    @ApiResponse(responseCode = "404", description = CODE_NOT_FOUND)
    @ApiResponse(responseCode = "409", description = "`coupon_used`: used at the same moment")
    @ApiResponse(responseCode = "422", description = "`coupon_invalid`: no longer active; `reason` is used, expired "
            + "or cancelled\n`validation_failed`: `reason` is too long")
    CouponView cancel(@AuthenticationPrincipal Caller caller, @PathVariable String code,
                      @RequestBody(required = false) Cancellation request,
                      @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        String reason = request == null ? null : request.reason();
        if (reason != null && reason.length() > MAX_REASON) {
            throw ApiProblem.invalid("reason", "must be at most " + MAX_REASON + " characters");
        }
        return idempotency.run(caller.tenant(), "coupon-cancel:" + canonical(code), key,
                request == null ? new Cancellation(null) : request, CouponView.class, () -> {
                    Instant now = Now.of(clock);
                    return view(caller, coupons.cancel(caller, code, reason, now), now);
                }).body();
    }

    private CouponView view(Caller caller, Coupon coupon, Instant now) {
        Tenant tenant = tenants.get(caller.tenant());
        Language language = members.byId(caller.tenant(), coupon.member()).map(Member::locale).orElse(tenant.locale());
        return CouponView.of(coupon, tenant.timezone(), tenant.currency(), language.tag(), now);
    }

    private static String canonical(String code) {
        return CouponCodes.canonical(code).orElse(code);
    }
}
