package io.kopilka.web.wallet;

import io.kopilka.tenant.Tenant;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The web app manifest that lets a customer put the business's card on the home screen. */
@RestController
@Hidden // a file of the wallet's web app, not an operation of the REST API
class WalletManifest {
    private static final MediaType MANIFEST = MediaType.parseMediaType("application/manifest+json");

    private final WalletBusinesses businesses;

    WalletManifest(WalletBusinesses businesses) {
        this.businesses = businesses;
    }

    @GetMapping("/w/{slug}/manifest.webmanifest")
    ResponseEntity<Map<String, Object>> manifest(@PathVariable String slug) {
        Tenant business = businesses.bySlug(slug);
        String home = "/w/" + business.slug();
        return ResponseEntity.ok().contentType(MANIFEST).body(Map.of(
                "name", business.name(),
                "short_name", business.name().length() > 12 ? business.name().substring(0, 12) : business.name(),
                "start_url", home,
                "scope", home,
                "display", "standalone",
                "background_color", "#f3f5f7",
                "theme_color", "#0b6e4f",
                "icons", List.of(Map.of("src", "/assets/wallet-icon.svg", "sizes", "any", "type", "image/svg+xml",
                        "purpose", "any maskable"))));
    }
}
