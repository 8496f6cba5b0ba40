package io.kopilka.testing.browser;

import java.util.List;
import org.openqa.selenium.By;

/**
 * Not a test: takes the screenshots of docs/screenshots from a running demo, so they show the demo's
 * barbershop rather than a test's empty tenant. Start the demo, then (see docs/development.md):
 * {@code java -cp ... io.kopilka.testing.browser.DemoScreenshots 8080 owner@barberbro.demo <password> /admin /admin/members}.
 * The files land in target/screenshots as {@code demo<path>-<size>.png}.
 */
public final class DemoScreenshots {

    private DemoScreenshots() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        List<String> paths = List.of(args).subList(3, args.length);
        try (Browser browser = Browser.start(port)) {
            browser.open("/login?lang=ru");
            browser.find(By.id("email")).sendKeys(args[1]);
            browser.find(By.id("password")).sendKeys(args[2]);
            browser.clickAndLoad(By.cssSelector("form button[type=submit]"));
            for (String path : paths) {
                for (Viewport size : List.of(Viewport.DESKTOP, Viewport.PHONE)) {
                    browser.resize(size).open(path);
                    String name = "demo" + path.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "");
                    System.out.println(browser.screenshot(name));
                }
            }
        }
    }
}
