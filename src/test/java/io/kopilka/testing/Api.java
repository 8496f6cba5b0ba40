package io.kopilka.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small real-HTTP client for integration tests: JSON in, status and JSON out. */
public final class Api {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http;
    private final String base;

    public Api(int port) {
        this(port, null);
    }

    /**
     * A client whose connections come from this local address, e.g. 127.0.0.7: to the server another
     * client address (any 127.x.y.z is this machine), so per-address limits see another caller.
     */
    public Api(int port, InetAddress from) {
        // HTTP/1.1 on purpose: what tills speak, and what lets a test send a chunked body.
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5));
        if (from != null) {
            builder.localAddress(from);
        }
        this.http = builder.build();
        this.base = "http://127.0.0.1:" + port;
    }

    public record Response(int status, JsonNode json, String body, String contentType, HttpHeaders headers) {
        public String text(String field) {
            return json.path(field).asString();
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String code() {
            return json.path("code").asString();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public Response get(String key, String path) {
        return send("GET", key, path, null, Map.of());
    }

    public Response post(String key, String path, Object body) {
        return send("POST", key, path, body, Map.of());
    }

    public Response post(String key, String path, Object body, String idempotencyKey) {
        return send("POST", key, path, body, Map.of("Idempotency-Key", idempotencyKey));
    }

    public Response put(String key, String path, Object body) {
        return send("PUT", key, path, body, Map.of());
    }

    public Response patch(String key, String path, Object body) {
        return send("PATCH", key, path, body, Map.of());
    }

    public Response delete(String key, String path) {
        return send("DELETE", key, path, null, Map.of());
    }

    /** Sends a raw body: {@code body} may be a String (sent as is) or an object (sent as JSON). */
    public Response send(String method, String key, String path, Object body, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        if (key != null) {
            all.put("Authorization", "Bearer " + key);
        }
        if (body == null) {
            return exchange(method, path, HttpRequest.BodyPublishers.noBody(), all);
        }
        String text = body instanceof String s ? s : JSON.writeValueAsString(body);
        all.putIfAbsent("Content-Type", "application/json");
        return exchange(method, path, HttpRequest.BodyPublishers.ofString(text), all);
    }

    /**
     * The lowest level: exactly these headers (Authorization included, if wanted) and this body
     * publisher. A publisher of unknown length ({@code ofInputStream}) goes out chunked.
     */
    public Response exchange(String method, String path, HttpRequest.BodyPublisher body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        headers.forEach(request::header);
        request.method(method, body);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode json = text == null || text.isBlank() ? JSON.missingNode() : parse(text);
            return new Response(response.statusCode(), json, text,
                    response.headers().firstValue("Content-Type").orElse(""), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (RuntimeException e) {
            return JSON.missingNode();
        }
    }
}
