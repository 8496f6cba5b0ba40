package io.kopilka.web.till.offline;

import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What makes the till an installable app: its service worker and its manifest. The worker's file is
 * served from here rather than as a static file because it must say {@code Service-Worker-Allowed: /till}:
 * a worker at /till/sw.js may otherwise only control /till/..., and the till's own page is /till.
 * Both are public (the screens' chain lets them through): a browser fetches a manifest without
 * cookies, and neither holds anything about a business.
 */
@RestController
@Hidden // files of the till's web app, not operations of the REST API
class TillAppFiles {
    static final String WORKER = "/till/sw.js";
    static final String MANIFEST = "/till/manifest.webmanifest";
    private static final MediaType JAVASCRIPT = MediaType.parseMediaType("text/javascript;charset=UTF-8");
    private static final MediaType WEB_MANIFEST = MediaType.parseMediaType("application/manifest+json;charset=UTF-8");

    private final MessageSource texts;
    private final byte[] worker;

    TillAppFiles(MessageSource texts) throws IOException {
        this.texts = texts;
        try (InputStream in = new ClassPathResource("till/sw.js").getInputStream()) {
            this.worker = in.readAllBytes();
        }
    }

    @GetMapping(WORKER)
    ResponseEntity<byte[]> worker() {
        // no-cache: the browser asks each time whether the worker changed, so a new version reaches tills soon.
        return ResponseEntity.ok().contentType(JAVASCRIPT).cacheControl(CacheControl.noCache())
                .header("Service-Worker-Allowed", "/till").body(worker);
    }

    @GetMapping(MANIFEST)
    ResponseEntity<Map<String, Object>> manifest(Locale locale) {
        var manifest = Map.<String, Object>of(
                "name", texts.getMessage("till.offline.app.name", null, locale),
                "short_name", texts.getMessage("till.offline.app.shortName", null, locale),
                "lang", locale.getLanguage(),
                "start_url", "/till",
                "scope", "/till",
                "display", "standalone",
                // The console's accent and ground (console.css: --accent, --ground).
                "theme_color", "#0b6e4f",
                "background_color", "#f3f5f7",
                "icons", List.of(
                        Map.of("src", "/assets/till-icon.svg", "sizes", "any", "type", "image/svg+xml"),
                        Map.of("src", "/assets/till-icon-192.png", "sizes", "192x192", "type", "image/png"),
                        Map.of("src", "/assets/till-icon-512.png", "sizes", "512x512", "type", "image/png",
                                "purpose", "any maskable")));
        return ResponseEntity.ok().contentType(WEB_MANIFEST).cacheControl(CacheControl.noCache())
                .body(manifest);
    }
}
