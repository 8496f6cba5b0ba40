package io.kopilka.engagement;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A challenge in docs/api.md's shape ({@code POST} and {@code PUT}), also as it is kept in
 * {@code challenge.definition}: stored documents go through the same validation when read.
 */
@Schema(name = "ChallengeInput", description = "A challenge (a stamp card). In a request decimals may be strings or "
        + "numbers; answers carry strings")
public record ChallengeDocument(
        @Schema(description = "In the tenant's language, 1 to 200 characters", example = "Каждая 6-я стрижка бесплатно")
        String name,
        @Nullable @Schema(description = "The name in other languages: ru, kk, en") Map<String, String> names,
        @Nullable @Schema(description = "Up to 2000 characters") String description,
        @Schema(allowableValues = {"visits", "spend", "items"}) String metric,
        @Schema(ref = "DecimalInput", description = "visits, items: a whole number from 1; spend: money above 0")
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal target,
        @Nullable @Schema(description = "Null: no time limit; {\"days\": 60}: reached within any 60 days")
        Window window,
        @Nullable @Schema(description = "Starts again after each completion; true when left out") Boolean repeat,
        @Nullable @Schema(description = "Null: no limit") Integer maxCompletionsPerMember,
        @Nullable @Schema(description = "At most one purchase a day counts (the tenant's calendar day); false when "
                + "left out") Boolean oncePerDay,
        @Nullable Qualifier qualifier,
        RewardSpec reward,
        @Nullable OffsetDateTime validFrom, @Nullable OffsetDateTime validTo,
        @Nullable @Schema(description = "True when left out") Boolean active,
        @Nullable @Schema(ref = "DecimalInput", description = "Stamps every member has at the start of their first "
                + "card, from 0 to below the target; 0 when left out")
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal headStart,
        @Nullable @Schema(description = "The reward as a surprise: drawn on qualifying purchases instead of a card")
        SurpriseSpec surprise) {

    public record Window(@Schema(description = "1 to 3650") Integer days) {
    }

    /** Which purchases count; every part null: any purchase. */
    public record Qualifier(
            @Nullable @Schema(ref = "DecimalInput", description = "Against what the customer paid")
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal minSpend,
            @Nullable @Schema(description = "Store codes; null: any") List<String> stores,
            @Nullable ItemFilter itemFilter,
            @Nullable @Schema(description = "A CEL expression over purchase and now", example = "purchase.total > 5000.0")
            String condition) {
    }

    public record ItemFilter(@Nullable List<String> skus, @Nullable List<String> categories) {
    }

    /** What completing it gives: at least one of the three. */
    public record RewardSpec(@Nullable @Schema(description = "0 to 10^9; 0 when left out") Long points,
                             @Nullable @Schema(description = "An active reward of the catalog: a coupon of it")
                             String rewardId,
                             @Nullable @Schema(description = "A badge code (named as the challenge), a-z, 0-9, _ and -")
                             String badge) {
    }

    public record SurpriseSpec(@Schema(description = "Above 0, at most 1") Double probability,
                               @Nullable @Schema(description = "The member's visits needed; 0 when left out")
                               Integer minVisits,
                               @Nullable @Schema(description = "Surprises a month in the tenant; null: no limit")
                               Integer maxPerMonth) {
    }

    public ChallengeDraft toDraft() {
        return ChallengeValidation.check(this);
    }

    /** The document of a checked challenge, defaults filled in, times in {@code zone}. */
    public static ChallengeDocument of(ChallengeDraft d, ZoneId zone) {
        var q = d.qualifier();
        var r = d.reward();
        var s = d.surprise();
        return new ChallengeDocument(d.names().name(), d.names().names(), d.description(), d.metric().code(),
                d.target(), d.windowDays() == null ? null : new Window(d.windowDays()), d.repeat(),
                d.maxCompletionsPerMember(), d.oncePerDay(),
                new Qualifier(q.minSpend(), q.stores(), q.itemFilter() == null ? null
                        : new ItemFilter(q.itemFilter().skus(), q.itemFilter().categories()),
                        q.condition() == null ? null : q.condition().source()),
                new RewardSpec(r.points(), r.rewardId(), r.badge()),
                d.validFrom() == null ? null : d.validFrom().atZone(zone).toOffsetDateTime(),
                d.validTo() == null ? null : d.validTo().atZone(zone).toOffsetDateTime(), d.active(), d.headStart(),
                s == null ? null : new SurpriseSpec(s.probability(), s.minVisits(), s.maxPerMonth()));
    }
}
