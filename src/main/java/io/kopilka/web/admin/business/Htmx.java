package io.kopilka.web.admin.business;

import jakarta.servlet.http.HttpServletRequest;

/** Whether a request came from htmx, which wants the changed fragment rather than a whole page. */
final class Htmx {
    private Htmx() {
    }

    static boolean request(HttpServletRequest request) {
        return request.getHeader("HX-Request") != null;
    }
}
