package io.kopilka.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Which parameters a request's query names, read from the raw query string. For filters that run
 * before {@link ParameterInspection}: Tomcat's {@code getParameter} fails on a query that is not
 * UTF-8 ({@code %FF}) with its own 400, before the inspection can answer with the parameter named.
 * Names are decoded as Tomcat would ({@code %63ard} is {@code card}), so an escape cannot slip a
 * look-up past a limit.
 */
public final class RawQuery {
    private RawQuery() {
    }

    public static boolean namesAny(HttpServletRequest request, String... names) {
        String query = request.getQueryString();
        if (query == null) {
            return false;
        }
        return Arrays.stream(query.split("&"))
                .map(pair -> name(pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair))
                .anyMatch(name -> Arrays.asList(names).contains(name));
    }

    private static String name(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException brokenEscape) {
            return raw;
        }
    }
}
