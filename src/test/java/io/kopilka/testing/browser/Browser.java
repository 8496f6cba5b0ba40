package io.kopilka.testing.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Debian's Chromium, headless, driven through its chromedriver, against the application a test started on
 * 127.0.0.1. One per test class ({@link BrowserIntegrationTest}); {@link #close()} quits it.
 *
 * <p>Every step that loads or changes the page waits until it has settled: the document loaded and no
 * htmx request in flight. Explicit waits only, so a slow machine makes a test slower, not flaky.
 */
public final class Browser implements AutoCloseable {
    /** Where Debian's packages put them; {@code -Dkopilka.browser.chromium=...} etc. for another system. */
    static final String CHROMIUM = System.getProperty("kopilka.browser.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("kopilka.browser.chromedriver", "/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Logger LOG = LoggerFactory.getLogger(Browser.class);
    private static final Duration SETTLE = Duration.ofSeconds(15);

    private final ChromeDriver driver;
    private final String base;
    private Viewport viewport;

    private Browser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /** A browser whose {@link #open(String) paths} are on this port of 127.0.0.1, at the desktop size. */
    public static Browser start(int port) {
        return start(port, List.of());
    }

    /** The same, with more of Chromium's switches (a fake camera, say). */
    public static Browser start(int port, List<String> moreArguments) {
        requireInstalled();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start; /dev/shm is small in
        // containers. The window size is fixed so that a page lays out the same on every machine.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + Viewport.DESKTOP.width() + "," + Viewport.DESKTOP.height(),
                "--hide-scrollbars", "--no-first-run", "--disable-extensions", "--lang=ru");
        options.addArguments(moreArguments);
        // The driver's path is given, so Selenium Manager never looks for (or downloads) one.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        Browser browser = new Browser(new ChromeDriver(service, options), "http://127.0.0.1:" + port);
        browser.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        browser.resize(Viewport.DESKTOP);
        return browser;
    }

    /** Fails, saying what to install, when Chromium or its driver is missing: a silent skip would hide it. */
    static void requireInstalled() {
        List<String> missing = java.util.stream.Stream.of(CHROMIUM, CHROMEDRIVER)
                .filter(path -> !Files.isExecutable(Path.of(path))).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Browser tests (*BrowserIT) run in real Chromium and need "
                    + String.join(" and ", missing) + ". On Debian or Ubuntu: sudo apt-get install -y chromium "
                    + "chromium-driver (CI's .ci/run installs them). Elsewhere, point -Dkopilka.browser.chromium "
                    + "and -Dkopilka.browser.chromedriver at a Chromium and the chromedriver of the same version.");
        }
    }

    /** The page at this path of the application (e.g. {@code /u/abc}), once it has settled. */
    public Browser open(String path) {
        driver.get(base + path);
        settle();
        return this;
    }

    /**
     * Lays the page out at this size, as a device of it would (device pixel ratio 1, and a phone's meta
     * viewport honoured below 600 px), so screenshots have exactly its pixels whatever the window's frame.
     */
    public Browser resize(Viewport size) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", size.width(),
                "height", size.height(), "deviceScaleFactor", 1, "mobile", size.mobile()));
        viewport = size;
        settle();
        return this;
    }

    public Viewport viewport() {
        return viewport;
    }

    /** Waits until the document has loaded and no element carries htmx's {@code htmx-request} class. */
    public Browser settle() {
        new WebDriverWait(driver, SETTLE).withMessage("the page did not settle (document loading or an htmx "
                + "request in flight) within " + SETTLE.toSeconds() + " s: " + driver.getCurrentUrl())
                .until(d -> Boolean.TRUE.equals(driver.executeScript("""
                        return document.readyState === 'complete'
                            && document.querySelector('.htmx-request') === null;""")));
        return this;
    }

    /** The one element this selector finds (Selenium fails the test when there is none). */
    public WebElement find(By selector) {
        return driver.findElement(selector);
    }

    public List<WebElement> findAll(By selector) {
        return driver.findElements(selector);
    }

    /**
     * Clicks the element and waits for the htmx request it started to be answered and swapped in (htmx marks
     * the element {@code htmx-request} in the click's own handler, so the wait cannot look too early).
     */
    public Browser click(By selector) {
        find(selector).click();
        settle();
        return this;
    }

    /**
     * Clicks an element that loads another document (a plain form's submit, a link), and waits until the old
     * document is gone and the new one has settled: asked at once, the old page would still say 'complete'.
     */
    public Browser clickAndLoad(By selector) {
        WebElement page = find(By.tagName("html"));
        find(selector).click();
        new WebDriverWait(driver, SETTLE).withMessage("no new page after clicking " + selector)
                .until(ExpectedConditions.stalenessOf(page));
        settle();
        return this;
    }

    /** The page's path and query, e.g. to see where a form led. */
    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }

    /**
     * Cuts the page's network or gives it back, as DevTools' "Offline" does: requests fail as with no
     * network at all, and the page's {@code navigator.onLine} and its online/offline events follow.
     */
    public Browser network(boolean up) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", !up, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
        return this;
    }

    /** The driver itself, for what these helpers do not cover. */
    public ChromeDriver driver() {
        return driver;
    }

    /** Saves what the page shows now as target/screenshots/{name}-{width}x{height}.png, and returns it. */
    public Path screenshot(String name) {
        Path file = SCREENSHOTS.resolve(name + "-" + viewport + ".png");
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.move(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Every axe-core violation on the page as it is now, whatever its impact. */
    public List<Axe.Violation> axe() {
        return Axe.run(driver);
    }

    /** Fails with the list of serious and critical axe-core violations on the page, if there are any. */
    public Browser assertAccessible() {
        List<Axe.Violation> all = axe();
        List<Axe.Violation> failing = all.stream().filter(Axe.Violation::failing).toList();
        // The milder ones are worth a look, not a red build: in the test's log.
        all.stream().filter(v -> !v.failing()).forEach(v -> LOG.info("axe-core on {} at {}, not failing: {}",
                path(), viewport, v));
        if (!failing.isEmpty()) {
            throw new AssertionError(Axe.report(path(), viewport, failing));
        }
        return this;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
