package io.kopilka.web.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The SVG is read back as a scanner would: drawn to pixels from its own path, then decoded by ZXing. */
class QrSvgTest {
    private static final Pattern RUN = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\d+z");
    private static final Pattern VIEW = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
    private static final int SCALE = 6;

    @Test
    void aCardNumberReadsBack() throws Exception {
        assertThat(decode(QrSvg.of("123456789012"))).isEqualTo("123456789012");
    }

    @Test
    void aTwelveDigitNumberIsTheSmallestCodeWithItsQuietZone() {
        String svg = QrSvg.of("123456789012");
        // Version 1 (21 modules) and four light modules on each side: big modules on a phone's screen.
        assertThat(svg).contains("viewBox=\"0 0 29 29\"").contains("crispEdges").contains("fill=\"#fff\"");
        assertThat(svg.length()).isLessThan(3000);
    }

    @Property(tries = 30)
    void anyDigitsOrCouponCodeReadBack(@ForAll @NumericChars @StringLength(min = 1, max = 40) String digits) throws Exception {
        assertThat(decode(QrSvg.of(digits))).isEqualTo(digits);
        String code = "KP" + digits + "XZ";
        assertThat(decode(QrSvg.of(code))).isEqualTo(code);
    }

    @Test
    void nothingIsDrawnInTheQuietZone() {
        String svg = QrSvg.of("987654321098");
        Matcher view = VIEW.matcher(svg);
        assertThat(view.find()).isTrue();
        int size = Integer.parseInt(view.group(1));
        Matcher run = RUN.matcher(svg);
        while (run.find()) {
            int x = Integer.parseInt(run.group(1));
            int y = Integer.parseInt(run.group(2));
            int w = Integer.parseInt(run.group(3));
            assertThat(x).isGreaterThanOrEqualTo(QrSvg.QUIET_ZONE);
            assertThat(y).isBetween(QrSvg.QUIET_ZONE, size - QrSvg.QUIET_ZONE - 1);
            assertThat(x + w).isLessThanOrEqualTo(size - QrSvg.QUIET_ZONE);
        }
    }

    /** {@link #decode} for the screen tests, which read an answer's SVG. */
    static String decodeQuietly(String svg) {
        try {
            return decode(svg);
        } catch (Exception e) {
            throw new AssertionError("the SVG is no readable QR code", e);
        }
    }

    static String decode(String svg) throws Exception {
        Matcher view = VIEW.matcher(svg);
        assertThat(view.find()).isTrue();
        int size = Integer.parseInt(view.group(1)) * SCALE;
        int[] pixels = new int[size * size];
        java.util.Arrays.fill(pixels, 0xFFFFFFFF);
        Matcher run = RUN.matcher(svg);
        while (run.find()) {
            int x = Integer.parseInt(run.group(1));
            int y = Integer.parseInt(run.group(2));
            int w = Integer.parseInt(run.group(3));
            for (int py = y * SCALE; py < (y + 1) * SCALE; py++) {
                for (int px = x * SCALE; px < (x + w) * SCALE; px++) {
                    pixels[py * size + px] = 0xFF000000;
                }
            }
        }
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(size, size, pixels)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
    }
}
