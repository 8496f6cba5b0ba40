package io.kopilka.notification;

/**
 * How many SMS a text costs. A text entirely in the GSM 03.38 alphabet travels as 7-bit characters: 160
 * in one SMS, 153 in each part of a longer one, the extension characters ({@code ^{}\[~]|€} and form
 * feed) counting two. Any other character, a single Cyrillic letter or an emoji included, switches the
 * whole text to UCS-2: 70 UTF-16 units in one SMS, 67 in each part (an emoji outside the BMP is two).
 *
 * @param units septets (GSM-7) or UTF-16 code units (UCS-2)
 */
public record SmsSegments(Encoding encoding, int units, int segments) {
    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "\f^{}\\[~]|€";

    public enum Encoding {
        GSM7, UCS2;

        public String code() {
            return this == GSM7 ? "gsm7" : "ucs2";
        }
    }

    public static SmsSegments of(String text) {
        int septets = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (BASIC.indexOf(c) >= 0) {
                septets += 1;
            } else if (EXTENSION.indexOf(c) >= 0) {
                septets += 2;
            } else {
                int units = text.length();
                return new SmsSegments(Encoding.UCS2, units, segments(units, 70, 67));
            }
        }
        return new SmsSegments(Encoding.GSM7, septets, segments(septets, 160, 153));
    }

    private static int segments(int units, int single, int part) {
        return units <= single ? 1 : (units + part - 1) / part;
    }
}
