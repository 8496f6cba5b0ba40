package io.kopilka.notification.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Telegram Bot API as far as Kopilka uses it, on 127.0.0.1: {@code getUpdates} answers the updates queued
 * for a bot (by its token) from the offset asked, {@code sendMessage} is recorded (or answered with the status
 * the test sets).
 */
final class FakeBotApi implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Sent(String token, long chatId, String text, JsonNode body) {
    }

    private final HttpServer server;
    private final Map<String, List<ObjectNode>> updates = new ConcurrentHashMap<>();
    private final Map<String, List<Long>> offsetsAsked = new ConcurrentHashMap<>();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final AtomicInteger sendStatus = new AtomicInteger(200);
    private final AtomicLong nextUpdateId = new AtomicLong(1000);

    FakeBotApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void start(String token, long chatId, String text, String languageCode) {
        ObjectNode message = JSON.createObjectNode();
        message.put("message_id", 1).put("date", 0).put("text", text);
        message.putObject("chat").put("id", chatId).put("type", "private");
        message.putObject("from").put("id", chatId).put("is_bot", false).put("first_name", "Aigerim")
                .put("language_code", languageCode);
        queue(token, "message", message);
    }

    void kicked(String token, long chatId) {
        ObjectNode change = JSON.createObjectNode();
        change.putObject("chat").put("id", chatId).put("type", "private");
        change.putObject("new_chat_member").put("status", "kicked");
        change.putObject("old_chat_member").put("status", "member");
        queue(token, "my_chat_member", change);
    }

    private void queue(String token, String field, ObjectNode content) {
        ObjectNode update = JSON.createObjectNode();
        update.put("update_id", nextUpdateId.getAndIncrement());
        update.set(field, content);
        updates.computeIfAbsent(token, t -> new CopyOnWriteArrayList<>()).add(update);
    }

    void answerSendMessageWith(int status) {
        sendStatus.set(status);
    }

    List<Sent> sent() {
        return List.copyOf(sent);
    }

    List<Sent> sentTo(long chatId) {
        return sent.stream().filter(s -> s.chatId() == chatId).toList();
    }

    List<Long> offsetsAsked(String token) {
        return List.copyOf(offsetsAsked.getOrDefault(token, List.of()));
    }

    private void handle(HttpExchange exchange) throws IOException {
        // /bot<token>/<method>
        String path = exchange.getRequestURI().getPath();
        int slash = path.lastIndexOf('/');
        String token = path.substring("/bot".length(), slash);
        String method = path.substring(slash + 1);
        JsonNode body = JSON.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        ObjectNode answer = JSON.createObjectNode();
        int status = 200;
        switch (method) {
            case "getUpdates" -> {
                long offset = body.path("offset").asLong();
                offsetsAsked.computeIfAbsent(token, t -> new CopyOnWriteArrayList<>()).add(offset);
                List<ObjectNode> due = new ArrayList<>();
                for (ObjectNode u : updates.getOrDefault(token, List.of())) {
                    if (u.path("update_id").asLong() >= offset) {
                        due.add(u);
                    }
                }
                answer.put("ok", true).putArray("result").addAll(due);
            }
            case "sendMessage" -> {
                status = sendStatus.get();
                sent.add(new Sent(token, body.path("chat_id").asLong(), body.path("text").asString(), body));
                if (status == 200) {
                    answer.put("ok", true).putObject("result").put("message_id", sent.size());
                } else {
                    answer.put("ok", false).put("error_code", status).put("description", "Forbidden: bot was blocked by the user");
                }
            }
            default -> {
                status = 404;
                answer.put("ok", false).put("description", "Not Found");
            }
        }
        byte[] bytes = JSON.writeValueAsBytes(answer);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
