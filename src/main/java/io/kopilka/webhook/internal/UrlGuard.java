package io.kopilka.webhook.internal;

import io.kopilka.shared.error.ApiProblem;
import io.kopilka.webhook.AddressRules;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Resolves a webhook's host and refuses it when any of its addresses is one the server must not call
 * ({@link AddressRules}), at subscription time and again before every delivery (DNS may have changed since).
 * {@code kopilka.webhooks.allow-private=true} lets everything through: a receiver on the same host or network.
 */
@Component
class UrlGuard {
    static final String NOT_ALLOWED = "webhook_url_not_allowed";
    private final boolean allowPrivate;

    UrlGuard(@Value("${kopilka.webhooks.allow-private:false}") boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** Null when the URL may be called, otherwise why not. */
    String refusal(URI url) {
        if (allowPrivate) {
            return null;
        }
        String host = url.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return "the host " + host + " does not resolve";
        }
        for (InetAddress address : addresses) {
            String refusal = AddressRules.refusal(address);
            if (refusal != null) {
                return "the host " + host + " resolves to a " + refusal + " address (" + address.getHostAddress() + ")";
            }
        }
        return null;
    }

    void check(URI url) {
        String refusal = refusal(url);
        if (refusal != null) {
            throw new ApiProblem(422, NOT_ALLOWED, "Webhooks are not sent to this URL: " + refusal);
        }
    }
}
