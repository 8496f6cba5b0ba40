package io.kopilka.notification.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The SMTP server e-mail leaves through ({@code KOPILKA_SMTP_*}); no host: no e-mail, unless the demo
 * mailbox is on.
 *
 * @param tls  STARTTLS, required (port 465: TLS from the first byte); false only for a relay on the same host
 * @param from the sender's address; the display name is the tenant's name
 */
@ConfigurationProperties("kopilka.smtp")
record SmtpProperties(String host, Integer port, String username, String password, String from, Boolean tls) {

    boolean configured() {
        return host != null && !host.isBlank();
    }

    int portOrDefault() {
        return port == null ? 587 : port;
    }

    boolean tlsOrDefault() {
        return tls == null || tls;
    }
}
