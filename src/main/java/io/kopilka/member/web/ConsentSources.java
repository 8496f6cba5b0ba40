package io.kopilka.member.web;

import io.kopilka.member.ConsentSource;
import io.kopilka.tenant.Caller;
import jakarta.servlet.http.HttpServletRequest;

/** Where a request that changes consents came from, as their history records it. */
final class ConsentSources {
    private ConsentSources() {
    }

    /**
     * The API key and the caller's address (the proxy's forwarded address when the server is set to
     * trust it: {@code server.forward-headers-strategy}) and user agent.
     */
    static ConsentSource of(Caller caller, HttpServletRequest request) {
        return ConsentSource.api(caller.keyName(), caller.keyId(), request.getRemoteAddr(),
                request.getHeader("User-Agent"));
    }
}
