package io.kopilka.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A browser without a browser, for the screens' integration tests: real HTTP, a cookie jar (the
 * session), the CSRF token read from the last page as a form would send it, and the HTML parsed by
 * jsoup. Redirects are not followed, so a test sees them; {@link #follow} does.
 */
public final class Screens {
    private final HttpClient http;
    private final CookieManager cookies = new CookieManager();
    private final String base;
    private String csrf;

    public Screens(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    public record Page(int status, String body, Document html, String location, HttpResponse<String> response) {
        public String text() {
            return html.body() == null ? "" : html.body().text();
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + (location == null ? "" : " → " + location) + " " + text();
        }
    }

    /**
     * Invites a staff member through the API (with {@code adminKey}), sets their password through the
     * link, and signs in: the session is this client's from then on.
     */
    public static Screens signedIn(int port, String adminKey, String role, List<String> stores) {
        Screens screens = new Screens(port);
        String email = role + "-" + java.util.UUID.randomUUID() + "@example.test";
        String password = "correct horse battery";
        screens.createStaff(adminKey, email, role, stores, password);
        Page signedIn = screens.signIn(email, password);
        if (signedIn.status() != 302 || signedIn.location().contains("/login")) {
            throw new IllegalStateException("could not sign in: " + signedIn);
        }
        // Spring Security gives the session a new CSRF token at sign-in: read it from the first page, as a browser would.
        screens.follow(signedIn);
        return screens;
    }

    /** Creates an account through the API and sets its password through its link; returns the staff id. */
    public String createStaff(String adminKey, String email, String role, List<String> stores, String password) {
        Api api = new Api(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)));
        Map<String, Object> body = new LinkedHashMap<>(Map.of("email", email, "name", "Test " + role, "role", role));
        if (stores != null) {
            body.put("stores", stores);
        }
        Api.Response created = api.post(adminKey, "/api/v1/staff", body);
        if (created.status() != 201) {
            throw new IllegalStateException("could not create staff: " + created);
        }
        String link = created.json().path("passwordLink").asString();
        String path = URI.create(link).getPath();
        get(path);
        Page set = post(path, Map.of("password", password));
        if (set.status() != 302) {
            throw new IllegalStateException("could not set the password: " + set);
        }
        return created.json().path("staff").path("id").asString();
    }

    public Page signIn(String email, String password) {
        get("/login");
        return post("/login", Map.of("email", email, "password", password));
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), false);
    }

    /** GET as htmx sends it: {@code HX-Request: true}, so the page answers with its fragment. */
    public Page hxGet(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("HX-Request", "true").GET(), false);
    }

    /** A form POST with the CSRF token of the last page this client read. */
    public Page post(String path, Map<String, String> form) {
        Map<String, String> fields = new LinkedHashMap<>(form);
        if (csrf != null) {
            fields.putIfAbsent("_csrf", csrf);
        }
        return postExactly(path, fields, false);
    }

    /** A form POST as htmx sends it (the token in the header, HX-Request set). */
    public Page hxPost(String path, Map<String, String> form) {
        return postExactly(path, form, true);
    }

    /** A form POST of exactly these fields: no token added (to show that one without it is refused). */
    public Page postExactly(String path, Map<String, String> form, boolean htmx) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (htmx) {
            request.header("HX-Request", "true");
            if (csrf != null) {
                request.header("X-CSRF-TOKEN", csrf);
            }
        }
        return send(request, htmx);
    }

    /**
     * A JSON POST as a page's script sends it with {@code fetch}: the session cookie, and the CSRF token
     * of the last page read in the {@code X-CSRF-TOKEN} header unless {@code withToken} is false.
     */
    public Page postJson(String path, String json, boolean withToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (withToken && csrf != null) {
            request.header("X-CSRF-TOKEN", csrf);
        }
        return send(request, false);
    }

    /** Follows a redirect the way a browser would (GET). */
    public Page follow(Page redirect) {
        URI target = URI.create(base).resolve(redirect.location());
        return get(target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()));
    }

    public CookieManager cookies() {
        return cookies;
    }

    private Page send(HttpRequest.Builder request, boolean htmx) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Document html = Jsoup.parse(response.body(), base);
            var meta = html.selectFirst("meta[name=csrf-token]");
            var hidden = html.selectFirst("input[name=_csrf]");
            if (meta != null) {
                csrf = meta.attr("content");
            } else if (hidden != null) {
                csrf = hidden.attr("value");
            }
            return new Page(response.statusCode(), response.body(), html,
                    response.headers().firstValue("Location").orElse(null), response);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
