package dev.alfred.channel.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alfred.testing.PlainHttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local Telegram Bot API: answers {@code /bot<token>/<method>} (method names in any case) the way
 * Telegram does, records every call, hands out queued updates to {@code getUpdates}, and can be
 * told to answer a method with a 429 (with {@code retry_after}), a 500, or after a delay.
 */
final class FakeTelegram implements AutoCloseable {

    static final String TOKEN = "123456:test-token";
    static final long BOT_USER_ID = 999;
    static final String BOT_USERNAME = "alfred_bot";

    /**
     * One call as received: the method (lower case), its parameters (JSON or multipart fields), when,
     * and the HTTP status it was answered with.
     */
    record Call(String method, Map<String, String> params, JsonNode json, String contentType, Instant at, int status) {
        boolean delivered() {
            return status == 200;
        }

        String param(String name) {
            return params.getOrDefault(name, "");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PATH = Pattern.compile("/bot([^/]+)/([A-Za-z]+)");
    private static final Pattern FORM_PART = Pattern.compile(
            "name=\"([^\"]+)\"(?:; filename=\"[^\"]*\")?\\r\\n(?:[^\\r\\n]+\\r\\n)*\\r\\n(.*?)\\r\\n--",
            Pattern.DOTALL);

    private final PlainHttpServer server;
    private final Queue<Call> calls = new ConcurrentLinkedQueue<>();
    private final Map<String, Deque<Failure>> failures = new ConcurrentHashMap<>();
    private final List<String> updates = new ArrayList<>();
    private final AtomicInteger messageIds = new AtomicInteger(1000);

    private record Failure(int status, String body, Duration delay) {}

    FakeTelegram() {
        try {
            server = new PlainHttpServer(this::handle);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return server.base().toString();
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<Call> calls(String method) {
        String name = method.toLowerCase(Locale.ROOT);
        return calls.stream().filter(c -> c.method().equals(name)).toList();
    }

    /** The texts of every sendMessage to {@code chat} that was answered with success, in order. */
    List<String> textsTo(long chat) {
        return calls("sendMessage").stream()
                .filter(c -> c.delivered() && c.param("chat_id").equals(Long.toString(chat)))
                .map(c -> c.param("text"))
                .toList();
    }

    /** The next call of {@code method} is answered with Telegram's 429 and {@code retry_after}. */
    void throttleNext(String method, int retryAfterSeconds) {
        failNext(method, 429, """
                {"ok":false,"error_code":429,"description":"Too Many Requests: retry after %d","parameters":{"retry_after":%d}}""".formatted(retryAfterSeconds, retryAfterSeconds), Duration.ZERO);
    }

    /** The next call of {@code method} is answered with a 500. */
    void breakNext(String method) {
        failNext(method, 500, """
                {"ok":false,"error_code":500,"description":"Internal Server Error"}""", Duration.ZERO);
    }

    /** The next call of {@code method} is answered normally (to fail a later one). */
    void passNext(String method) {
        failNext(method, 200, "", Duration.ZERO);
    }

    /** The next call of {@code method} is answered with {@code status} and {@code body} after {@code delay}. */
    void failNext(String method, int status, String body, Duration delay) {
        failures.computeIfAbsent(method.toLowerCase(Locale.ROOT), m -> new ConcurrentLinkedDeque<>())
                .add(new Failure(status, body, delay));
    }

    /** Queues an update for getUpdates; the same update may be queued several times. */
    void queueUpdate(String update) {
        synchronized (updates) {
            updates.add(update);
            updates.notifyAll();
        }
    }

    private PlainHttpServer.Response handle(PlainHttpServer.Request request) throws IOException, InterruptedException {
        Matcher path = PATH.matcher(request.path());
        if (!path.matches() || !path.group(1).equals(TOKEN)) {
            return respond(404, """
                    {"ok":false,"error_code":404,"description":"Not Found"}""");
        }
        String method = path.group(2).toLowerCase(Locale.ROOT);
        String contentType = String.valueOf(request.header("Content-Type"));
        String body = new String(request.body(), StandardCharsets.UTF_8);
        JsonNode json = contentType.startsWith("application/json") && !body.isBlank()
                ? JSON.readTree(body)
                : JSON.createObjectNode();
        Map<String, String> params = contentType.startsWith("multipart/") ? form(body) : fields(json);
        Deque<Failure> failing = failures.get(method);
        Failure failure = failing == null ? null : failing.poll();
        if (failure != null && failure.status() == 200) {
            failure = null;
        }
        calls.add(new Call(method, params, json, contentType, Instant.now(), failure == null ? 200 : failure.status()));
        if (failure != null) {
            Thread.sleep(failure.delay());
            return respond(failure.status(), failure.body());
        }
        return respond(200, "{\"ok\":true,\"result\":" + result(method, params, json) + "}");
    }

    private String result(String method, Map<String, String> params, JsonNode json) throws InterruptedException {
        return switch (method) {
            case "getme" -> """
                    {"id":%d,"is_bot":true,"first_name":"Alfred","username":"%s"}""".formatted(BOT_USER_ID, BOT_USERNAME);
            case "getupdates" ->
                updates(json.path("offset").asInt(0), json.path("limit").asInt(100));
            case "sendmessage", "sendphoto", "senddocument" -> message(params);
            case "editmessagetext" -> edited(params);
            default -> "true";
        };
    }

    /** Long-polls briefly: confirmed updates (below {@code offset}) are forgotten, the rest handed out. */
    private String updates(int offset, int limit) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMillis(300).toNanos();
        synchronized (updates) {
            updates.removeIf(u -> updateId(u) < offset);
            while (updates.isEmpty() && System.nanoTime() < deadline) {
                updates.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
            ArrayNode result = JSON.createArrayNode();
            for (String update : updates.subList(0, Math.min(limit, updates.size()))) {
                result.add(read(update));
            }
            return result.toString();
        }
    }

    private String message(Map<String, String> params) {
        return message(params, messageIds.incrementAndGet()).toString();
    }

    private static ObjectNode message(Map<String, String> params, int id) {
        ObjectNode message = JSON.createObjectNode();
        message.put("message_id", id);
        message.put("date", Instant.now().getEpochSecond());
        long chat = Long.parseLong(params.getOrDefault("chat_id", "0"));
        message.putObject("chat").put("id", chat).put("type", chat < 0 ? "group" : "private");
        if (params.containsKey("text")) {
            message.put("text", params.get("text"));
        }
        return message;
    }

    /** The edited message, as Telegram returns it for a message the bot sent. */
    private String edited(Map<String, String> params) {
        return message(params, Integer.parseInt(params.getOrDefault("message_id", "0")))
                .put("edit_date", Instant.now().getEpochSecond())
                .toString();
    }

    private static int updateId(String update) {
        return read(update).path("update_id").asInt();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> fields(JsonNode json) {
        Map<String, String> fields = new LinkedHashMap<>();
        json.properties()
                .forEach(e -> fields.put(
                        e.getKey(),
                        e.getValue().isValueNode()
                                ? e.getValue().asText()
                                : e.getValue().toString()));
        return fields;
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new HashMap<>();
        Matcher part = FORM_PART.matcher(body);
        while (part.find()) {
            fields.put(part.group(1), part.group(2));
        }
        return fields;
    }

    private static PlainHttpServer.Response respond(int status, String body) {
        return new PlainHttpServer.Response(
                status, Map.of("Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.close();
    }
}
