package io.kopilka.tier;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.tenant.Language;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every reason has its own sentence in every language, and names the levels it is about. */
class TierMessagesTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @EnumSource(ChangeReason.class)
    void everyReasonReadsInRussianKazakhAndEnglish(ChangeReason reason) {
        Set<String> lines = new HashSet<>();
        for (Language language : Language.values()) {
            String line = TierMessages.line(reason, language, "Золото", "Серебро");
            assertThat(line).as("%s in %s", reason, language).isNotBlank().contains("Серебро");
            if (reason == ChangeReason.GRACE_ENDED || reason == ChangeReason.LEVEL_REMOVED) {
                assertThat(line).as("%s in %s names the level left", reason, language).contains("Золото");
            }
            lines.add(line);
        }
        assertThat(lines).as("one sentence per language").hasSize(Language.values().length);
    }
}
