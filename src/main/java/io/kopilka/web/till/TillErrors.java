package io.kopilka.web.till;

import io.kopilka.shared.Texts;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.tenant.Language;
import io.kopilka.web.common.FormErrors;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A refusal at the till's fields: the API's items are the form's amount (the total's line) and its
 * quantities ({@code items}, the fieldset of the store's frequent items).
 */
final class TillErrors {
    private static final Texts TEXTS = Texts.messages();

    private TillErrors() {
    }

    static FormErrors of(ApiProblem problem, Locale locale) {
        FormErrors errors = FormErrors.of(problem, locale);
        Map<String, String> fields = new LinkedHashMap<>();
        errors.fields().forEach((field, text) -> fields.merge(field(field), text, (a, b) -> a + " " + b));
        return new FormErrors(errors.summary(), fields);
    }

    /** The check refused before any facade is asked: no total nor items, a bad quantity, an item gone. */
    static FormErrors of(CheckForm.Refusal refusal, Locale locale) {
        return switch (refusal) {
            case NOTHING, AMOUNT -> of(ApiProblem.invalid("amount", "must be a number"), locale);
            case QUANTITY -> new FormErrors(text("console.problem.validation_failed", locale),
                    Map.of("items", text("till.items.quantity", locale)));
            case GONE -> new FormErrors(text("till.items.gone", locale), Map.of("items", text("till.items.gone", locale)));
        };
    }

    static FormErrors confirmationNeeded(Locale locale) {
        return new FormErrors(text("till.confirm.needed", locale), Map.of("code", text("till.confirm.enter", locale)));
    }

    static FormErrors wrongCode(Locale locale) {
        return new FormErrors(text("till.confirm.wrong", locale), Map.of("code", text("till.confirm.wrong.field", locale)));
    }

    static String text(String key, Locale locale) {
        String language = Language.fromTag(locale.getLanguage()).orElse(Language.RU).tag();
        return TEXTS.format(key, new Object[0], language);
    }

    private static String field(String api) {
        if (api.startsWith("items")) {
            return "amount";
        }
        return switch (api) {
            case "redeemPoints" -> "redeem";
            case "couponCodes" -> "coupon";
            default -> api;
        };
    }
}
