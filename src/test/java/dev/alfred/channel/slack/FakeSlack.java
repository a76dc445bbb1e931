package dev.alfred.channel.slack;

import dev.alfred.testing.PlainHttpServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A local Slack Web API: {@code POST /api/<method>} (form-encoded, bearer token), the upload URLs of
 * the files API and {@code response_url}s at {@code /response/<id>}. It records every call and can be
 * told to answer the next calls of a path with a 429 and {@code Retry-After}, a 500, an {@code ok:false}
 * error or a delay.
 */
final class FakeSlack implements AutoCloseable {

    static final String BOT_TOKEN = "xoxb-test-token";
    static final String BOT_USER = "UBOT";
    static final String TEAM = "T0TEAM";

    /** One request the fake received. {@code params} holds form fields; {@code body} the raw body. */
    record Call(String path, Map<String, String> params, String body, String authorization, Instant at) {
        String method() {
            return path.startsWith("/api/") ? path.substring(5) : path;
        }
    }

    /** A scripted answer: an HTTP status, a Retry-After header (or null), a body, a delay before answering. */
    record Answer(int status, String retryAfter, String body, Duration delay) {}

    private final PlainHttpServer server;
    private final Queue<Call> calls = new ConcurrentLinkedQueue<>();
    private final Map<String, Queue<Answer>> scripted = new ConcurrentHashMap<>();
    private final AtomicInteger ts = new AtomicInteger(100);
    private volatile String socketUrl = "ws://127.0.0.1:1/";
    private volatile String authError;

    FakeSlack() throws IOException {
        server = new PlainHttpServer(this::handle);
    }

    URI base() {
        return server.base();
    }

    /** The Web API base URL, ending in {@code /api/}. */
    String apiUrl() {
        return base() + "/api/";
    }

    /** A response_url that this fake answers. */
    String responseUrl(String id) {
        return base() + "/response/" + id;
    }

    void socketUrl(String url) {
        this.socketUrl = url;
    }

    /** Makes {@code auth.test} answer {@code ok:false} with this error (null: ok). */
    void authError(String error) {
        this.authError = error;
    }

    /** The next call of {@code path} (e.g. {@code /api/chat.postMessage}) gets {@code answer}. */
    void script(String path, Answer answer) {
        scripted.computeIfAbsent(path, p -> new ConcurrentLinkedQueue<>()).add(answer);
    }

    void throttleNext(String path, int retryAfterSeconds) {
        script(
                path,
                new Answer(
                        429,
                        Integer.toString(retryAfterSeconds),
                        "{\"ok\":false,\"error\":\"ratelimited\"}",
                        Duration.ZERO));
    }

    void failNext(String path, int status) {
        script(path, new Answer(status, null, "{\"ok\":false,\"error\":\"internal\"}", Duration.ZERO));
    }

    void errorNext(String path, String error) {
        script(path, new Answer(200, null, "{\"ok\":false,\"error\":\"" + error + "\"}", Duration.ZERO));
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<Call> calls(Predicate<Call> filter) {
        return calls.stream().filter(filter).toList();
    }

    /** Calls of a Web API method, e.g. {@code chat.postMessage}. */
    List<Call> calls(String method) {
        return calls(c -> c.method().equals(method));
    }

    /** Calls of one response_url (by its id). */
    List<Call> responses(String id) {
        return calls(c -> c.path().equals("/response/" + id));
    }

    private PlainHttpServer.Response handle(PlainHttpServer.Request request) throws InterruptedException {
        String path = request.path();
        String body = new String(request.body(), StandardCharsets.UTF_8);
        String contentType = String.valueOf(request.header("Content-Type"));
        Map<String, String> params =
                contentType.startsWith("application/x-www-form-urlencoded") ? form(body) : Map.of();
        calls.add(new Call(
                path,
                params,
                path.startsWith("/upload/") ? request.body().length + " bytes" : body,
                String.valueOf(request.header("Authorization")),
                Instant.now()));
        Queue<Answer> queue = scripted.get(path);
        Answer answer = queue == null ? null : queue.poll();
        if (answer == null) {
            answer = new Answer(200, null, normalAnswer(path, params), Duration.ZERO);
        }
        if (!answer.delay().isZero()) {
            Thread.sleep(answer.delay());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", answer.body().startsWith("{") ? "application/json; charset=utf-8" : "text/plain");
        if (answer.retryAfter() != null) {
            headers.put("Retry-After", answer.retryAfter());
        }
        return new PlainHttpServer.Response(
                answer.status(), headers, answer.body().getBytes(StandardCharsets.UTF_8));
    }

    private String normalAnswer(String path, Map<String, String> params) {
        if (path.startsWith("/response/")) {
            return "ok";
        }
        if (path.startsWith("/upload/")) {
            return "OK";
        }
        return switch (path.substring(path.lastIndexOf('/') + 1)) {
            case "auth.test" ->
                authError != null
                        ? "{\"ok\":false,\"error\":\"" + authError + "\"}"
                        : "{\"ok\":true,\"url\":\"https://acme.slack.com/\",\"team\":\"Acme\",\"user\":\"alfred\",\"team_id\":\""
                                + TEAM + "\",\"user_id\":\"" + BOT_USER + "\",\"bot_id\":\"B0BOT\"}";
            case "chat.postMessage" ->
                "{\"ok\":true,\"channel\":\"" + params.get("channel") + "\",\"ts\":\"1700000000.000"
                        + ts.incrementAndGet() + "\"}";
            case "chat.update" ->
                "{\"ok\":true,\"channel\":\"" + params.get("channel") + "\",\"ts\":\"" + params.get("ts") + "\"}";
            case "conversations.open" ->
                "{\"ok\":true,\"channel\":{\"id\":\"" + dmChannel(params.getOrDefault("users", "")) + "\"}}";
            case "apps.connections.open" -> "{\"ok\":true,\"url\":\"" + socketUrl + "\"}";
            case "files.getUploadURLExternal" ->
                "{\"ok\":true,\"upload_url\":\"" + base() + "/upload/F0FILE\",\"file_id\":\"F0FILE\"}";
            case "files.completeUploadExternal" -> "{\"ok\":true,\"files\":[{\"id\":\"F0FILE\",\"title\":\"file\"}]}";
            default -> "{\"ok\":false,\"error\":\"unknown_method\"}";
        };
    }

    /** The app's DM channel with {@code user}, as {@code conversations.open} answers: derived so tests can predict it. */
    static String dmChannel(String user) {
        return "D" + user;
    }

    static Map<String, String> form(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
        return Collections.unmodifiableMap(params);
    }

    @Override
    public void close() {
        server.close();
    }
}
