package io.kopilka.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TenantSlugsTest {

    @Test
    void namesInAnyScriptBecomeLowercaseLatinDigitsAndDashes() {
        assertThat(TenantSlugs.of("Кофейня «Зерно»")).isEqualTo("kofeynya-zerno");
        assertThat(TenantSlugs.of("Шашлычная Жұлдыз №2")).isEqualTo("shashlychnaya-zhuldyz-no2");
        assertThat(TenantSlugs.of("Қазақ Әліпбиі")).isEqualTo("qazaq-alipbii");
        assertThat(TenantSlugs.of("  Barber Bro!  ")).isEqualTo("barber-bro");
        assertThat(TenantSlugs.of("Café Zürich")).isEqualTo("cafe-zurich");
        assertThat(TenantSlugs.of("«»—")).isEqualTo("tenant");
    }

    @Test
    void longNamesAreCutAtAWordsEndAndTakenOnesGetANumber() {
        String slug = TenantSlugs.of("a".repeat(47) + " b");
        assertThat(slug).isEqualTo("a".repeat(47));
        assertThat(TenantSlugs.candidate("zerno", 1)).isEqualTo("zerno");
        assertThat(TenantSlugs.candidate("zerno", 3)).isEqualTo("zerno-3");
        assertThat(TenantSlugs.candidate("a".repeat(48), 12)).isEqualTo("a".repeat(45) + "-12");
        assertThat(TenantSlugs.of("x".repeat(100))).hasSize(TenantSlugs.MAX_LENGTH).matches("[a-z0-9]+(-[a-z0-9]+)*");
    }
}
