package io.kopilka.webhook.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** One HTTP POST of a signed delivery: 10 s to connect and 10 s to answer, redirects not followed. */
@Component
class WebhookSender {
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** How an attempt ended: the status code, or null with the error when there was no answer. */
    record Result(Integer statusCode, String error) {
        boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    Result send(URI url, String id, long timestamp, String signature, String body) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT)
                .header("content-type", "application/json")
                .header("user-agent", "Kopilka-Webhooks/1")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int code = response.statusCode();
            return new Result(code, code >= 200 && code < 300 ? null : "answered " + code);
        } catch (HttpTimeoutException e) {
            return new Result(null, "timeout after " + TIMEOUT.toSeconds() + " s");
        } catch (IOException e) {
            return new Result(null, "connection failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(null, "interrupted");
        }
    }
}
