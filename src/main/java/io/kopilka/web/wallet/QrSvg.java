package io.kopilka.web.wallet;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import java.util.Map;

/**
 * A QR code as a small SVG: one unit per module, black on white, with the four-module quiet zone the
 * standard asks for drawn in white, so it scans on a dark phone screen too. The page sizes it; an
 * SVG stays sharp at any size, and the till's scanner gets clean edges ({@code crispEdges}).
 */
final class QrSvg {
    /** The standard's quiet zone, in modules. */
    static final int QUIET_ZONE = 4;

    private QrSvg() {
    }

    /**
     * The code of {@code text} (a card number: digits, which QR packs in numeric mode). Error
     * correction M: a scratched or glary screen still reads, and a 12-digit number stays a 21×21 code.
     */
    static String of(String text) {
        ByteMatrix matrix = matrix(text);
        int size = matrix.getWidth() + 2 * QUIET_ZONE;
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(size).append(' ').append(size)
                .append("\" shape-rendering=\"crispEdges\" role=\"img\">")
                .append("<rect width=\"").append(size).append("\" height=\"").append(size).append("\" fill=\"#fff\"/>")
                .append("<path fill=\"#000\" d=\"");
        // One rectangle per run of dark modules in a row: a few hundred bytes instead of a rect per module.
        for (int y = 0; y < matrix.getHeight(); y++) {
            int x = 0;
            while (x < matrix.getWidth()) {
                if (matrix.get(x, y) != 1) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < matrix.getWidth() && matrix.get(x, y) == 1) {
                    x++;
                }
                svg.append('M').append(start + QUIET_ZONE).append(' ').append(y + QUIET_ZONE)
                        .append('h').append(x - start).append("v1h-").append(x - start).append('z');
            }
        }
        return svg.append("\"/></svg>").toString();
    }

    /** The modules of the code: 1 dark, 0 light. */
    static ByteMatrix matrix(String text) {
        try {
            return Encoder.encode(text, ErrorCorrectionLevel.M, Map.of(EncodeHintType.CHARACTER_SET, "UTF-8"))
                    .getMatrix();
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode " + text.length() + " characters as a QR code", e);
        }
    }
}
