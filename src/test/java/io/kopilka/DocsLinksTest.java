package io.kopilka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README and docs/ link into each other by file and heading; a page moved or a heading renamed
 * must not leave a reader at a dead end. Every relative link must reach an existing file, and a
 * {@code #fragment} into a Markdown page must name one of its headings (GitHub's anchors).
 */
class DocsLinksTest {
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6} +(.+?) *#*$");

    @Test
    void everyRelativeLinkReachesItsFileAndHeading() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path page : pages()) {
            for (String target : links(Files.readAllLines(page))) {
                String problem = check(page, target);
                if (problem != null) {
                    broken.add(page + ": (" + target + ") " + problem);
                }
            }
        }
        assertThat(broken).as("links that lead nowhere").isEmpty();
    }

    @Test
    void anchorsAreMadeAsGitHubMakesThem() {
        assertThat(anchor("What a request may contain (shared/web)")).isEqualTo("what-a-request-may-contain-sharedweb");
        assertThat(anchor("Retries and `Idempotency-Key`")).isEqualTo("retries-and-idempotency-key");
        assertThat(anchor("Points: program, a purchase, a return")).isEqualTo("points-program-a-purchase-a-return");
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    /** Link targets outside fenced code blocks, where shell and JSON may look like links. */
    private static List<String> links(List<String> lines) {
        List<String> targets = new ArrayList<>();
        boolean fenced = false;
        for (String line : lines) {
            if (line.startsWith("```")) {
                fenced = !fenced;
            } else if (!fenced) {
                Matcher m = LINK.matcher(line);
                while (m.find()) {
                    targets.add(m.group(1));
                }
            }
        }
        return targets;
    }

    /** Why the link is broken, or null when it is fine (or leaves the repository). */
    private static String check(Path page, String target) throws IOException {
        if (target.matches("^[a-z]+:.*")) {
            return null;
        }
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        String fragment = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = file.isEmpty() ? page : page.toAbsolutePath().getParent().resolve(file).normalize();
        if (!Files.exists(resolved)) {
            return "no such file";
        }
        if (fragment != null && resolved.toString().endsWith(".md")
                && !headings(Files.readAllLines(resolved)).contains(fragment)) {
            return "no such heading in " + resolved.getFileName();
        }
        return null;
    }

    private static Set<String> headings(List<String> lines) {
        Set<String> anchors = new HashSet<>();
        boolean fenced = false;
        for (String line : lines) {
            if (line.startsWith("```")) {
                fenced = !fenced;
            } else if (!fenced) {
                Matcher m = HEADING.matcher(line);
                if (m.matches()) {
                    anchors.add(anchor(m.group(1)));
                }
            }
        }
        return anchors;
    }

    /** GitHub's rule: lower case, punctuation dropped (letters, digits, '-' and '_' stay), spaces to '-'. */
    static String anchor(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }
}
