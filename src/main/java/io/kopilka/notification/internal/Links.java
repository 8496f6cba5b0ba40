package io.kopilka.notification.internal;

import io.kopilka.tenant.Tenant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The addresses messages point members to, on the server's public address ({@code KOPILKA_PUBLIC_URL}):
 * the tenant's wallet and an e-mail's unsubscribe page.
 */
@Component
class Links {
    private final String base;

    Links(@Value("${kopilka.public-url:http://localhost:8080}") String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    String wallet(Tenant tenant) {
        return base + "/w/" + tenant.slug();
    }

    String unsubscribe(String token) {
        return base + "/u/" + token;
    }
}
