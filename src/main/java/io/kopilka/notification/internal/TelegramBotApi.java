package io.kopilka.notification.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Telegram Bot API over HTTPS ({@code <api-url>/bot<token>/<method>}, JSON in and out). The token is in
 * the URL's path, so no URL is ever logged or put in an exception: {@link #redact} names the call instead.
 */
@Component
class TelegramBotApi {
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final String apiUrl;
    private final JsonMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    TelegramBotApi(@Value("${kopilka.telegram.api-url:https://api.telegram.org}") String apiUrl, JsonMapper json) {
        this.apiUrl = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
        this.json = json;
    }

    /** The HTTP status and the parsed body (the Bot API answers {@code {ok, result | description}}). */
    record Answer(int status, JsonNode body) {
        boolean ok() {
            return status / 100 == 2 && body.path("ok").asBoolean(false);
        }

        String description() {
            return body.path("description").asString("");
        }
    }

    /** Calls {@code method}; an answer that is not 2xx is returned, not thrown; IO failures and timeouts throw. */
    Answer call(String token, String method, Map<String, Object> parameters) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(apiUrl + "/bot" + token + "/" + method))
                .timeout(TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(parameters), StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode body;
            try {
                body = json.readTree(response.body());
            } catch (RuntimeException notJson) {
                body = json.createObjectNode();
            }
            return new Answer(response.statusCode(), body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + redact(method), e);
        } catch (IOException e) {
            // The client's message may hold the URL, and with it the token.
            throw new IOException(redact(method) + " failed: " + e.getClass().getSimpleName());
        }
    }

    /** What a log line says of a call: the method, never the token. */
    static String redact(String method) {
        return "Bot API " + method + " (bot<token>)";
    }
}
