package io.kopilka.reward;

import io.kopilka.shared.InputBounds;
import io.kopilka.rules.CouponOffer;
import io.kopilka.shared.Names;
import io.kopilka.shared.Points;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.shared.error.ApiProblem.FieldError;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A reward request checked field by field: every bad field is named at once in 422
 * {@code validation_failed}, and each kind takes its own parameter and no other's.
 */
public final class RewardValidation {
    static final int MAX_NAME = 200;
    static final int MAX_DESCRIPTION = 2000;
    static final int MAX_URL = 2000;
    static final int MAX_VALID_DAYS = 3650;
    static final int MAX_PER_MEMBER = 1_000_000;
    private static final BigDecimal HUNDRED = new BigDecimal(100);
    private static final BigDecimal MAX_MONEY = new BigDecimal("100000000000");
    private static final Set<String> LANGUAGES = Set.of("ru", "kk", "en");

    private RewardValidation() {
    }

    /**
     * @param scale       the tenant currency's decimals
     * @param storeExists whether the tenant has a store of this code
     */
    public static Reward toReward(RewardDocument d, UUID id, int scale, Predicate<String> storeExists) {
        List<FieldError> errors = new ArrayList<>();
        if (d.name() == null || d.name().isBlank() || d.name().length() > MAX_NAME) {
            errors.add(new FieldError("name", "must be 1 to " + MAX_NAME + " characters"));
        }
        translations("names", d.names(), MAX_NAME, errors);
        if (d.description() != null && d.description().length() > MAX_DESCRIPTION) {
            errors.add(new FieldError("description", "must be at most " + MAX_DESCRIPTION + " characters"));
        }
        translations("descriptions", d.descriptions(), MAX_DESCRIPTION, errors);
        if (d.descriptions() != null && !d.descriptions().isEmpty() && d.description() == null) {
            errors.add(new FieldError("description", "is required with descriptions"));
        }
        CouponOffer.Kind kind = kind(d.kind());
        if (kind == null) {
            errors.add(new FieldError("kind", "must be percent_off, amount_off, free_item, gift or experience"));
        }
        if (d.costPoints() != null && (d.costPoints() < 1 || d.costPoints() > Points.MAX)) {
            errors.add(new FieldError("costPoints", "must be 1 to " + Points.MAX + ", or null: not for sale"));
        }
        parameters(d, kind, scale, errors);
        if (d.minSpend() != null && !money(d.minSpend(), scale, true)) {
            errors.add(new FieldError("minSpend", "must be 0 or more, with at most " + scale + " decimals"));
        }
        codes("stores", d.stores(), errors);
        if (d.stores() != null && errors.stream().noneMatch(e -> e.field().equals("stores"))) {
            d.stores().stream().filter(code -> !storeExists.test(code)).findFirst()
                    .ifPresent(code -> errors.add(new FieldError("stores", "no store has the code " + code)));
        }
        codes("tiers", d.tiers(), errors);
        if (d.stock() != null && (d.stock() < 0 || d.stock() > Points.MAX)) {
            errors.add(new FieldError("stock", "must be 0 to " + Points.MAX + ", or null: unlimited"));
        }
        if (d.perMemberLimit() != null && (d.perMemberLimit() < 1 || d.perMemberLimit() > MAX_PER_MEMBER)) {
            errors.add(new FieldError("perMemberLimit", "must be 1 to " + MAX_PER_MEMBER + ", or null: no limit"));
        }
        if (d.couponValidDays() != null && (d.couponValidDays() < 1 || d.couponValidDays() > MAX_VALID_DAYS)) {
            errors.add(new FieldError("couponValidDays", "must be 1 to " + MAX_VALID_DAYS + ", or null: no expiry"));
        }
        if (d.validFrom() != null && d.validTo() != null && !d.validTo().isAfter(d.validFrom())) {
            errors.add(new FieldError("validTo", "must be after validFrom"));
        }
        if (d.imageUrl() != null && !imageUrl(d.imageUrl())) {
            errors.add(new FieldError("imageUrl", "must be an http or https URL of at most " + MAX_URL + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(422, "validation_failed", "The reward is invalid", errors, Map.of());
        }
        return new Reward(id, new Names(d.name(), d.names()), RewardDocument.names(d.description(), d.descriptions()),
                kind, d.costPoints(), d.percent(), d.amount(), RewardDocument.filter(d.itemFilter()), d.minSpend(),
                d.stores(), d.tiers(), d.stock(), d.perMemberLimit(), d.couponValidDays(), instant(d.validFrom()),
                instant(d.validTo()), d.imageUrl(), d.refundOnExpiry() == null || d.refundOnExpiry());
    }

    /** Each kind's own parameter, in range; the others' refused, so a mistaken kind is noticed. */
    private static void parameters(RewardDocument d, CouponOffer.Kind kind, int scale, List<FieldError> errors) {
        boolean percent = kind == CouponOffer.Kind.PERCENT_OFF;
        boolean amount = kind == CouponOffer.Kind.AMOUNT_OFF;
        boolean items = percent || kind == CouponOffer.Kind.FREE_ITEM;
        if (percent && (d.percent() == null || d.percent().signum() <= 0 || d.percent().compareTo(HUNDRED) > 0
                || d.percent().stripTrailingZeros().scale() > 4)) {
            errors.add(new FieldError("percent", "must be above 0 and at most 100, with at most 4 decimals"));
        } else if (!percent && kind != null && d.percent() != null) {
            errors.add(new FieldError("percent", "is for percent_off rewards only"));
        }
        if (amount && (d.amount() == null || d.amount().signum() <= 0 || !money(d.amount(), scale, false))) {
            errors.add(new FieldError("amount", "must be above 0, with at most " + scale + " decimals"));
        } else if (!amount && kind != null && d.amount() != null) {
            errors.add(new FieldError("amount", "is for amount_off rewards only"));
        }
        if (d.itemFilter() != null) {
            if (!items && kind != null) {
                errors.add(new FieldError("itemFilter", "is for percent_off and free_item rewards only"));
            }
            codes("itemFilter.skus", d.itemFilter().skus(), errors);
            codes("itemFilter.categories", d.itemFilter().categories(), errors);
        }
        if (kind == CouponOffer.Kind.FREE_ITEM && (d.itemFilter() == null
                || empty(d.itemFilter().skus()) && empty(d.itemFilter().categories()))) {
            errors.add(new FieldError("itemFilter", "must name the free item: skus or categories"));
        }
    }

    private static CouponOffer.Kind kind(String code) {
        if (code == null) {
            return null;
        }
        for (CouponOffer.Kind k : CouponOffer.Kind.values()) {
            if (k.name().toLowerCase(Locale.ROOT).equals(code)) {
                return k;
            }
        }
        return null;
    }

    private static void translations(String field, Map<String, String> names, int max, List<FieldError> errors) {
        if (names == null) {
            return;
        }
        for (var e : names.entrySet()) {
            if (!LANGUAGES.contains(e.getKey())) {
                errors.add(new FieldError(field, "languages are ru, kk and en, not " + e.getKey()));
            } else if (e.getValue() == null || e.getValue().isBlank() || e.getValue().length() > max) {
                errors.add(new FieldError(field + "." + e.getKey(), "must be 1 to " + max + " characters"));
            }
        }
    }

    private static void codes(String field, List<String> codes, List<FieldError> errors) {
        if (!InputBounds.codeList(codes, MAX_NAME)) {
            errors.add(new FieldError(field, "must be at most " + InputBounds.MAX_CODES + " non-empty codes"));
        }
    }

    private static boolean money(BigDecimal value, int scale, boolean zeroAllowed) {
        return (zeroAllowed ? value.signum() >= 0 : value.signum() > 0) && value.compareTo(MAX_MONEY) < 0
                && value.stripTrailingZeros().scale() <= scale;
    }

    private static boolean imageUrl(String url) {
        if (url.length() > MAX_URL) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean empty(List<String> list) {
        return list == null || list.isEmpty();
    }

    private static Instant instant(java.time.OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
