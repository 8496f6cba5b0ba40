package io.kopilka.web.common;

import io.kopilka.shared.Texts;
import io.kopilka.tenant.Language;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

/**
 * The screens' {@code #{key(args)}} read the same ICU bundles as every customer text ({@link Texts}),
 * so a plural is right in Russian and Kazakh on a page as on a receipt. A key that is missing is
 * an error (a test checks every template's keys in every language), not a blank on the page.
 */
@Component("messageSource")
class TextsMessageSource implements MessageSource {
    private final Texts texts = Texts.messages();

    @Override
    public String getMessage(String code, Object[] args, String defaultMessage, Locale locale) {
        String text = texts.format(code, args, language(locale));
        return text == null ? defaultMessage : text;
    }

    @Override
    public String getMessage(String code, Object[] args, Locale locale) {
        String text = texts.format(code, args, language(locale));
        if (text == null) {
            throw new NoSuchMessageException(code, locale);
        }
        return text;
    }

    @Override
    public String getMessage(MessageSourceResolvable resolvable, Locale locale) {
        String[] codes = resolvable.getCodes();
        if (codes != null) {
            for (String code : codes) {
                String text = texts.format(code, resolvable.getArguments(), language(locale));
                if (text != null) {
                    return text;
                }
            }
        }
        if (resolvable.getDefaultMessage() != null) {
            return resolvable.getDefaultMessage();
        }
        throw new NoSuchMessageException(codes == null || codes.length == 0 ? "" : codes[0], locale);
    }

    private static String language(Locale locale) {
        return Language.fromTag(locale == null ? null : locale.getLanguage()).orElse(Language.RU).tag();
    }
}
