package io.kopilka.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmsSegmentsTest {

    @Test
    void gsmTextsFitOneSmsUpTo160AndThen153APart() {
        assertThat(SmsSegments.of("a".repeat(160))).isEqualTo(new SmsSegments(SmsSegments.Encoding.GSM7, 160, 1));
        assertThat(SmsSegments.of("a".repeat(161)).segments()).isEqualTo(2);
        assertThat(SmsSegments.of("a".repeat(306)).segments()).isEqualTo(2);
        assertThat(SmsSegments.of("a".repeat(307)).segments()).isEqualTo(3);
    }

    @Test
    void extensionCharactersCountTwo() {
        SmsSegments euro = SmsSegments.of("€".repeat(80));
        assertThat(euro.encoding()).isEqualTo(SmsSegments.Encoding.GSM7);
        assertThat(euro.units()).isEqualTo(160);
        assertThat(euro.segments()).isEqualTo(1);
        assertThat(SmsSegments.of("a".repeat(159) + "[").segments()).isEqualTo(2);
    }

    @Test
    void oneCyrillicLetterSwitchesTheWholeTextToUcs2() {
        SmsSegments mixed = SmsSegments.of("a".repeat(69) + "ж");
        assertThat(mixed).isEqualTo(new SmsSegments(SmsSegments.Encoding.UCS2, 70, 1));
        assertThat(SmsSegments.of("a".repeat(70) + "ж").segments()).isEqualTo(2);
        assertThat(SmsSegments.of("ж".repeat(134)).segments()).isEqualTo(2);
        assertThat(SmsSegments.of("ж".repeat(135)).segments()).isEqualTo(3);
    }

    @Test
    void anEmojiIsTwoUtf16Units() {
        SmsSegments emoji = SmsSegments.of("🎂".repeat(35));
        assertThat(emoji).isEqualTo(new SmsSegments(SmsSegments.Encoding.UCS2, 70, 1));
        assertThat(SmsSegments.of("🎂".repeat(36)).segments()).isEqualTo(2);
    }

    @Test
    void theTengeSignAndGuillemetsAreNotGsm() {
        assertThat(SmsSegments.of("120 ₸").encoding()).isEqualTo(SmsSegments.Encoding.UCS2);
        assertThat(SmsSegments.of("«Zerno»").encoding()).isEqualTo(SmsSegments.Encoding.UCS2);
        assertThat(SmsSegments.of("Zerno: 120 points, $12.50").encoding()).isEqualTo(SmsSegments.Encoding.GSM7);
    }
}
