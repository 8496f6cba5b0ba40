package io.kopilka.notification.internal;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import io.kopilka.member.Member;
import io.kopilka.notification.Channel;
import io.kopilka.shared.TenantId;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * SMS through any gateway with an HTTP API: the request is described by settings (URL, method, headers and
 * a Mustache body), so a new gateway needs configuration, not code. 2xx is accepted; 5xx, 429, a timeout or
 * a broken connection are tried again; any other answer fails ({@code gateway_http_<code>}).
 */
@Component
@EnableConfigurationProperties(SmsGatewayProperties.class)
class SmsGatewaySender implements ChannelSender {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    // Templates are the operator's, and a value a message lacks must not be sent as an empty string.
    private static final Mustache.Compiler MUSTACHE = Mustache.compiler().escapeHTML(false).strictSections(true);

    private final SmsGatewayProperties gateway;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final Template url;
    private final Template body;

    SmsGatewaySender(SmsGatewayProperties gateway) {
        this.gateway = gateway;
        this.url = gateway.configured() ? MUSTACHE.compile(gateway.url().strip()) : null;
        this.body = gateway.body() == null || gateway.body().isBlank() ? null : MUSTACHE.compile(gateway.body());
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public Optional<String> unavailableFor(TenantId tenant) {
        return gateway.configured() ? Optional.empty() : Optional.of("sms_not_configured");
    }

    @Override
    public Optional<String> addressOf(TenantId tenant, Member member) {
        return Optional.ofNullable(member.phone()).filter(phone -> !phone.isBlank());
    }

    @Override
    public void send(OutgoingMessage message) throws DeliveryFailure {
        if (url == null) {
            throw new DeliveryFailure("sms_not_configured", false, "KOPILKA_SMS_URL is not set", null);
        }
        Map<String, Object> values = values(message.to(), message.text(), gateway.sender());
        String method = gateway.method() == null || gateway.method().isBlank() ? "POST"
                : gateway.method().strip().toUpperCase(Locale.ROOT);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.execute(values))).timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.execute(values), StandardCharsets.UTF_8));
        headers(gateway.headers()).forEach(request::header);
        int status;
        try {
            status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException unreachable) {
            throw new DeliveryFailure("gateway_unavailable", true, unreachable.getMessage(), unreachable);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailure("gateway_unavailable", true, "interrupted", stopping);
        }
        if (status / 100 != 2) {
            throw new DeliveryFailure("gateway_http_" + status, status >= 500 || status == 429,
                    "The SMS gateway answered " + status, null);
        }
    }

    /** What a URL or body template may name. */
    static Map<String, Object> values(String to, String text, String sender) {
        Map<String, Object> values = new HashMap<>();
        String from = sender == null ? "" : sender;
        values.put("to", to);
        values.put("text", text);
        values.put("sender", from);
        values.put("toJson", json(to));
        values.put("textJson", json(text));
        values.put("senderJson", json(from));
        values.put("toUrl", URLEncoder.encode(to, StandardCharsets.UTF_8));
        values.put("textUrl", URLEncoder.encode(text, StandardCharsets.UTF_8));
        values.put("senderUrl", URLEncoder.encode(from, StandardCharsets.UTF_8));
        return values;
    }

    /** The contents of a JSON string (without the quotes). */
    static String json(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    static Map<String, String> headers(String lines) {
        Map<String, String> headers = new HashMap<>();
        if (lines == null) {
            return headers;
        }
        for (String line : lines.split("\\R")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        return headers;
    }
}
