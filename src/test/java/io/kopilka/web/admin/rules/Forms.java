package io.kopilka.web.admin.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** A form's fields as a browser would send them (one value a name), to change a few and post it back. */
final class Forms {
    private Forms() {
    }

    static Map<String, String> values(Document page, String formSelector) {
        Element form = page.selectFirst(formSelector);
        if (form == null) {
            throw new AssertionError("no form " + formSelector + " in " + page.text());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Element input : form.select("input[name], select[name], textarea[name]")) {
            String name = input.attr("name");
            switch (input.tagName()) {
                case "select" -> {
                    Element chosen = input.selectFirst("option[selected]");
                    if (chosen == null) {
                        chosen = input.selectFirst("option");
                    }
                    values.put(name, chosen == null ? "" : chosen.attr("value"));
                }
                case "textarea" -> values.put(name, input.wholeText());
                default -> {
                    String type = input.attr("type");
                    if ((type.equals("checkbox") || type.equals("radio")) && !input.hasAttr("checked")) {
                        continue;
                    }
                    values.putIfAbsent(name, input.attr("value"));
                }
            }
        }
        values.remove("_csrf");
        return values;
    }
}
