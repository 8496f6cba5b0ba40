package io.kopilka.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.tenant.Language;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.w3c.dom.Document;

class EmailLayoutTest {
    private final EmailLayout layout = new EmailLayout(engine());

    @Test
    void theHtmlPartIsWellFormedEscapedAndEndsWithTheUnsubscribeLink() throws Exception {
        String html = layout.html(Language.RU, "Кофейня: 120 баллов сгорят 14 марта",
                "Здравствуйте, <b>Айгерим</b>!\n\n120 из ваших 540 баллов сгорят 14 марта (120 ₸)\nещё строка\n\n"
                        + "Успейте их потратить: https://kopilka.kz/w/zerno",
                "Кофейня «Зерно» & Co", "https://kopilka.kz/w/zerno", "https://kopilka.kz/u/ab_cd");

        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        assertThat(document.getElementsByTagName("p").getLength()).isEqualTo(3);
        assertThat(html).contains("&lt;b&gt;Айгерим&lt;/b&gt;", "Кофейня «Зерно» &amp; Co",
                "<a href=\"https://kopilka.kz/w/zerno\"", "<a href=\"https://kopilka.kz/u/ab_cd\"",
                "Отписаться от писем", "участник программы лояльности").doesNotContain("<b>");
    }

    @Test
    void withoutAnUnsubscribeLinkThereIsNoneInTheFooter() {
        String html = layout.html(Language.KK, "Кіру коды: 482913", "Кіру коды: 482913", "Зерно", null, null);
        assertThat(html).doesNotContain("Хаттардан бас тарту").contains("бонустық бағдарламасының");
    }

    private static SpringTemplateEngine engine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
