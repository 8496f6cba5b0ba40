package io.kopilka.analytics.web;

import io.kopilka.analytics.Analytics;
import io.kopilka.analytics.Summary;
import io.kopilka.shared.Names;
import io.kopilka.shared.Now;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.shared.web.ApiDocs;
import io.kopilka.tenant.Caller;
import io.kopilka.tenant.Tenants;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The owner's dashboard figures, as JSON or, for a spreadsheet, the daily series as CSV. */
@RestController
@Tag(name = "Analytics")
class AnalyticsController {
    static final String TEXT_CSV = "text/csv";
    private static final String DATE = "A day in the tenant's time zone, ISO 8601 (2026-12-01); ";
    private static final String[] CSV_HEADER = {"date", "memberPurchases", "guestPurchases", "memberRevenue",
            "guestRevenue", "returns", "returned", "newMembers", "pointsIssued", "pointsRedeemed", "pointsExpired"};
    /** The default range: the last 30 days, today included. */
    private static final int DEFAULT_DAYS = 30;

    private final Analytics analytics;
    private final Tenants tenants;
    private final Clock clock;

    AnalyticsController(Analytics analytics, Tenants tenants, Clock clock) {
        this.analytics = analytics;
        this.tenants = tenants;
        this.clock = clock;
    }

    record SummaryFiguresView(long memberPurchases, long guestPurchases, String memberRevenue, String guestRevenue,
                       long returns, String returned, long newMembers, long pointsIssued, long pointsRedeemed,
                       long pointsExpired,
                       @Schema(description = "Net points per entry type that moved (earn, reverse, refund, adjust, …)")
                       Map<String, Long> pointsByType) {
    }

    record SummaryDayView(LocalDate date, SummaryFiguresView figures) {
    }

    record SummaryLiabilityView(@Schema(description = "Points outstanding now: spendable and pending, less debts") long points,
                         @Schema(description = "What they are worth at the program's pointValue") String value) {
    }

    record SummaryExpiringView(@Schema(description = "The window's end: 30 days after the range's last day") OffsetDateTime until,
                        long points, long members,
                        @Schema(description = "Of those members, how many got a points_expiring message (queued or "
                                + "sent) in the last 30 days") long warnedMembers) {
    }

    record SummaryTopRuleView(String ruleId, String name, long points, long times) {
    }

    record SummaryTopRewardView(String rewardId, Names name, long coupons) {
    }

    record SummaryView(LocalDate from, LocalDate to, @Nullable String store, String currency, OffsetDateTime asOf,
                       SummaryFiguresView totals, List<SummaryDayView> days, SummaryLiabilityView liability, SummaryExpiringView expiring,
                       List<SummaryTopRuleView> topRules, List<SummaryTopRewardView> topRewards) {
    }

    @GetMapping(path = "/api/v1/analytics/summary", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getAnalyticsSummary",
            summary = "The dashboard's figures: purchases and revenue by members and guests, new members, points "
                    + "issued, redeemed and expired, per day and in total; the liability, the points expiring in "
                    + "the next 30 days and the members warned; the top rules and rewards. With Accept: text/csv, "
                    + "the daily series as CSV")
    @ApiResponse(responseCode = "200", description = "The summary", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = SummaryView.class)),
            @Content(mediaType = TEXT_CSV, schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "403", description = ApiDocs.ADMIN_ONLY)
    @ApiResponse(responseCode = "422", description = "`validation_failed`: `from` or `to` is no date, `from` is after "
            + "`to`, or the range is over 366 days; `unknown_store`")
    SummaryView summary(@AuthenticationPrincipal Caller caller,
                        @Parameter(description = DATE + "default: 29 days before `to`")
                        @RequestParam(required = false) String from,
                        @Parameter(description = DATE + "inclusive; default: today")
                        @RequestParam(required = false) String to,
                        @Parameter(description = "A store's code: only its purchases; default: all stores")
                        @RequestParam(required = false) String store) {
        ZoneId zone = tenants.get(caller.tenant()).timezone();
        return view(load(caller, from, to, store, zone), zone);
    }

    @GetMapping(path = "/api/v1/analytics/summary", produces = TEXT_CSV)
    ResponseEntity<String> summaryCsv(@AuthenticationPrincipal Caller caller,
                                      @RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to,
                                      @RequestParam(required = false) String store) {
        ZoneId zone = tenants.get(caller.tenant()).timezone();
        Summary summary = load(caller, from, to, store, zone);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(TEXT_CSV + ";charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"summary-" + summary.from() + "-"
                        + summary.to() + ".csv\"")
                .body(csv(summary));
    }

    private Summary load(Caller caller, String from, String to, String store, ZoneId zone) {
        LocalDate last = to == null ? Now.of(clock).atZone(zone).toLocalDate() : date("to", to);
        LocalDate first = from == null ? last.minusDays(DEFAULT_DAYS - 1) : date("from", from);
        return analytics.summary(caller.tenant(), first, last, store == null || store.isBlank() ? null : store);
    }

    private static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid(field, "must be a date like 2026-12-01");
        }
    }

    static String csv(Summary summary) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(CSV_HEADER).get())) {
            for (Summary.Day day : summary.days()) {
                Summary.Figures f = day.figures();
                printer.printRecord(day.date(), f.memberPurchases(), f.guestPurchases(), f.memberRevenue().plain(),
                        f.guestRevenue().plain(), f.returns(), f.returned().plain(), f.newMembers(), f.pointsIssued(),
                        f.pointsRedeemed(), f.pointsExpired());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    private static SummaryView view(Summary s, ZoneId zone) {
        return new SummaryView(s.from(), s.to(), s.storeCode(), s.totals().memberRevenue().currency().getCurrencyCode(),
                s.asOf().atZone(zone).toOffsetDateTime(), figures(s.totals()),
                s.days().stream().map(d -> new SummaryDayView(d.date(), figures(d.figures()))).toList(),
                new SummaryLiabilityView(s.liability().points(), s.liability().value().plain()),
                new SummaryExpiringView(s.expiring().until().atZone(zone).toOffsetDateTime(), s.expiring().points(),
                        s.expiring().members(), s.expiring().warnedMembers()),
                s.topRules().stream().map(r -> new SummaryTopRuleView(r.ruleId(), r.name(), r.points(), r.times())).toList(),
                s.topRewards().stream().map(r -> new SummaryTopRewardView(r.rewardId(), r.name(), r.coupons())).toList());
    }

    private static SummaryFiguresView figures(Summary.Figures f) {
        return new SummaryFiguresView(f.memberPurchases(), f.guestPurchases(), f.memberRevenue().plain(),
                f.guestRevenue().plain(), f.returns(), f.returned().plain(), f.newMembers(), f.pointsIssued(),
                f.pointsRedeemed(), f.pointsExpired(), f.pointsByType());
    }
}
