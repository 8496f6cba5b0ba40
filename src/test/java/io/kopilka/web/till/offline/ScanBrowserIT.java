package io.kopilka.web.till.offline;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import io.kopilka.testing.browser.BrowserIntegrationTest;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.annotation.Import;

/**
 * The till's camera in Chromium, on the stand-in of the till's page: Chromium's fake camera shows a
 * QR code holding a card number; the scan button (shown because there is a camera) opens the
 * overlay from the keyboard, the code is read, goes into the find box, and the find form is
 * submitted. Debian's Chromium has no BarcodeDetector, so this is zxing-js, loaded only at the press.
 */
@Import(TillSandbox.class)
class ScanBrowserIT extends BrowserIntegrationTest {
    private static final String CARD = "700123456789";
    private static final int WIDTH = 640;
    private static final int HEIGHT = 480;

    @Override
    protected List<String> browserArguments() {
        return List.of("--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                "--use-file-for-fake-video-capture=" + cameraShowing(CARD).toAbsolutePath());
    }

    /** One frame of 640×480 video (Y4M, 4:2:0) with the QR code of this text in its middle. */
    private static Path cameraShowing(String text) {
        try {
            BitMatrix code = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 360, 360, Map.of());
            byte[] luma = new byte[WIDTH * HEIGHT];
            java.util.Arrays.fill(luma, (byte) 235);
            int left = (WIDTH - code.getWidth()) / 2;
            int top = (HEIGHT - code.getHeight()) / 2;
            for (int y = 0; y < code.getHeight(); y++) {
                for (int x = 0; x < code.getWidth(); x++) {
                    if (code.get(x, y)) {
                        luma[(top + y) * WIDTH + left + x] = 16;
                    }
                }
            }
            byte[] chroma = new byte[WIDTH * HEIGHT / 4];
            java.util.Arrays.fill(chroma, (byte) 128);
            Path file = Files.createDirectories(Path.of("target", "it-data")).resolve("camera-" + UUID.randomUUID() + ".y4m");
            try (OutputStream out = Files.newOutputStream(file)) {
                out.write(("YUV4MPEG2 W" + WIDTH + " H" + HEIGHT + " F30:1 Ip A1:1 C420jpeg\nFRAME\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(luma);
                out.write(chroma);
                out.write(chroma);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (com.google.zxing.WriterException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theCameraReadsTheWalletsCodeIntoTheFindBoxAndLooksItUp() {
        TestTenant tenant = newTenant();
        assertThat(api.post(tenant.adminKey(), "/api/v1/stores", Map.of("code", "dostyk", "name", "Dostyk")).status())
                .isEqualTo(201);
        signInAsStaff(tenant, "cashier", List.of("dostyk"));

        browser.open(TillSandbox.PATH);
        var wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(20));
        By scan = By.cssSelector("button[data-scan-target=till-find]");
        wait.withMessage("the scan button never showed, though there is a camera")
                .until(d -> browser.find(scan).isDisplayed());
        assertThat(browser.driver().executeScript("return typeof window.ZXing")).as("not loaded before the press")
                .isEqualTo("undefined");
        assertThat(browser.driver().executeScript("return 'BarcodeDetector' in window")).isEqualTo(false);

        browser.find(scan).sendKeys(Keys.ENTER);
        // The fake camera's first frames may already carry the code: the page can be gone to the look-up before
        // the overlay is seen open, which is the point of the test, so either counts here.
        wait.withMessage("the overlay did not open").ignoring(StaleElementReferenceException.class)
                .until(d -> browser.path().contains("q=" + CARD) || browser.find(By.id("till-scan")).isDisplayed());
        if (!browser.path().contains("q=" + CARD)) {
            browser.screenshot("till-scan-open");
        }
        wait.withMessage("the code was not read and looked up").until(d -> browser.path().contains("q=" + CARD));
        browser.settle();
        assertThat(browser.find(By.id("found")).getText()).isEqualTo(CARD);
    }
}
