package io.kopilka.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.shared.Texts;
import io.kopilka.web.common.ConsoleNavigation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * The screens speak three languages, so no words may be written into a template: every text a
 * person reads comes from {@code messages_{ru,kk,en}.properties}, and every key a template names is
 * in all three. (A prototype text inside an element whose {@code th:text} replaces it is fine: it
 * never reaches a person.)
 */
class TemplateTextsTest {
    private static final List<Path> SCREENS = List.of(Path.of("src/main/resources/templates/admin"),
            Path.of("src/main/resources/templates/staff"), Path.of("src/main/resources/templates/till"),
            Path.of("src/main/resources/templates/wallet"));
    private static final Set<String> REPLACING = Set.of("th:text", "th:utext", "th:replace", "th:insert", "th:remove");
    private static final Set<String> READ_ATTRIBUTES = Set.of("placeholder", "title", "alt", "aria-label", "label");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    private static final Pattern KEY = Pattern.compile("#\\{([A-Za-z0-9_.-]+)\\s*[(}]");

    @Test
    void noTemplateHasALiteralText() throws IOException {
        List<String> literals = new ArrayList<>();
        for (Path file : templates()) {
            Document html = Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8), "", Parser.htmlParser());
            for (Element element : html.getAllElements()) {
                if (element.tagName().equals("script") || element.tagName().equals("style")) {
                    continue;
                }
                for (TextNode text : element.textNodes()) {
                    if (LETTER.matcher(text.text()).find() && !replaced(element)) {
                        literals.add(file + ": text \"" + text.text().strip() + "\" in <" + element.tagName() + ">");
                    }
                }
                for (String attribute : READ_ATTRIBUTES) {
                    if (element.hasAttr(attribute) && LETTER.matcher(element.attr(attribute)).find()
                            && !element.hasAttr("th:" + attribute) && !element.attr("th:attr").contains(attribute)) {
                        literals.add(file + ": " + attribute + "=\"" + element.attr(attribute) + "\"");
                    }
                }
            }
        }
        assertThat(literals).as("words written into templates instead of message keys").isEmpty();
    }

    @Test
    void everyKeyATemplateNamesIsInEveryLanguage() throws IOException {
        Texts texts = Texts.messages();
        List<String> missing = new ArrayList<>();
        for (Path file : templates()) {
            Matcher m = KEY.matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (m.find()) {
                for (String language : Texts.LANGUAGES) {
                    if (!texts.keys(language).contains(m.group(1))) {
                        missing.add(file.getFileName() + ": " + m.group(1) + " (" + language + ")");
                    }
                }
            }
        }
        for (ConsoleNavigation.Item item : ConsoleNavigation.all()) {
            for (String language : Texts.LANGUAGES) {
                if (!texts.keys(language).contains(item.label())) {
                    missing.add("sidebar: " + item.label() + " (" + language + ")");
                }
            }
        }
        assertThat(missing).as("message keys the screens use but a language lacks").isEmpty();
    }

    @Test
    void theScanSeesTheTemplates() throws IOException {
        assertThat(templates()).hasSizeGreaterThan(3);
    }

    private static boolean replaced(Element element) {
        for (Element e = element; e != null; e = e.parent()) {
            for (String attribute : REPLACING) {
                if (e.hasAttr(attribute)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<Path> templates() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : SCREENS) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(f -> f.toString().endsWith(".html")).forEach(files::add);
                }
            }
        }
        return files;
    }
}
