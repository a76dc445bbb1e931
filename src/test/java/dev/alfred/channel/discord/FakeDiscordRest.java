package dev.alfred.channel.discord;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Discord's REST API under {@code /api/v10/}, as far as JDA uses it: it records every call and
 * can be told to answer the next matching call with a 429 (with the headers Discord and Cloudflare
 * send), a 5xx, a Discord error code, or after a delay.
 */
final class FakeDiscordRest implements AutoCloseable {

    /** One request as the fake received it; {@code body} is ISO-8859-1 so multipart bytes survive. */
    record Call(String method, String path, String body, String authorization, long atNanos) {
        boolean is(String method, String pathRegex) {
            return this.method.equals(method) && path.matches(pathRegex);
        }
    }

    /**
     * An answer to inject for the next call matching {@code method} and {@code pathRegex}: {@code status}
     * 0 means "answer normally after {@code seconds}", else the status, with {@code seconds} as retry-after.
     */
    private record Fault(String method, String pathRegex, int status, String body, double seconds) {}

    private static final Pattern DM_RECIPIENT = Pattern.compile("\"recipient_id\"\\s*:\\s*\"?(\\d+)");

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Queue<Fault> faults = new ConcurrentLinkedQueue<>();
    private final AtomicInteger messageIds = new AtomicInteger();
    /** An interaction's original response keeps its message id however often it is edited. */
    private final Map<String, String> originals = new ConcurrentHashMap<>();

    private volatile int usersMeStatus = 200;

    FakeDiscordRest() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/api/v10/", this::handle);
        server.start();
    }

    /** The base URL to give JDA, ending in {@code /api/v10/}. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v10/";
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<Call> calls(String method, String pathRegex) {
        return calls.stream().filter(c -> c.is(method, pathRegex)).toList();
    }

    List<Call> calls(Predicate<Call> which) {
        return calls.stream().filter(which).toList();
    }

    /** Answers the next matching call with HTTP 429 and {@code Retry-After}, as a per-route limit. */
    void rateLimitNext(String method, String pathRegex, double retryAfterSeconds) {
        faults.add(new Fault(
                method,
                pathRegex,
                429,
                "{\"message\": \"You are being rate limited.\", \"retry_after\": " + retryAfterSeconds
                        + ", \"global\": false}",
                retryAfterSeconds));
    }

    /** Answers the next matching call with {@code status} and a Discord error body. */
    void failNext(String method, String pathRegex, int status, int code, String message) {
        faults.add(
                new Fault(method, pathRegex, status, "{\"message\": \"" + message + "\", \"code\": " + code + "}", 0));
    }

    /** Answers the next matching call normally, but only after {@code delay}. */
    void delayNext(String method, String pathRegex, java.time.Duration delay) {
        faults.add(new Fault(method, pathRegex, 0, "", delay.toMillis() / 1000.0));
    }

    /** Makes {@code GET users/@me} answer {@code status} (401: the token is refused). */
    void usersMe(int status) {
        usersMeStatus = status;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath().substring("/api/v10/".length());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.ISO_8859_1);
        String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        calls.add(new Call(method, path, body, authorization, System.nanoTime()));
        Fault fault = takeFault(method, path);
        if (fault != null && fault.status() == 0) {
            try {
                Thread.sleep((long) (fault.seconds() * 1000)); // an injected slow answer, not an assertion
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            fault = null;
        }
        if (fault != null) {
            if (fault.status() == 429) {
                exchange.getResponseHeaders().add("Via", "1.1 google");
                exchange.getResponseHeaders().add("Retry-After", Long.toString((long) Math.ceil(fault.seconds())));
                exchange.getResponseHeaders().add("X-RateLimit-Bucket", "fake-bucket-" + path.hashCode());
                exchange.getResponseHeaders().add("X-RateLimit-Scope", "user");
                exchange.getResponseHeaders().add("X-RateLimit-Limit", "5");
                exchange.getResponseHeaders().add("X-RateLimit-Remaining", "0");
                exchange.getResponseHeaders().add("X-RateLimit-Reset-After", Double.toString(fault.seconds()));
            }
            respond(exchange, fault.status(), fault.body());
            return;
        }
        route(exchange, method, path, body);
    }

    private Fault takeFault(String method, String path) {
        for (Fault fault : faults) {
            if (fault.method().equals(method) && path.matches(fault.pathRegex()) && faults.remove(fault)) {
                return fault;
            }
        }
        return null;
    }

    private void route(HttpExchange exchange, String method, String path, String body) throws IOException {
        if (method.equals("GET") && path.equals("users/@me")) {
            respond(
                    exchange,
                    usersMeStatus,
                    usersMeStatus == 200
                            ? Fixtures.load("self-user.json", Map.of())
                            : "{\"message\": \"401: Unauthorized\", \"code\": 0}");
        } else if (method.equals("PUT") && path.matches("applications/\\d+/commands")) {
            respond(exchange, 200, "[]");
        } else if (method.equals("POST") && path.matches("interactions/\\d+/[^/]+/callback")) {
            respond(exchange, 204, "");
        } else if (method.equals("POST") && path.equals("users/@me/channels")) {
            Matcher recipient = DM_RECIPIENT.matcher(body);
            String user = recipient.find() ? recipient.group(1) : "0";
            respond(
                    exchange,
                    200,
                    Fixtures.load("dm-channel.json", Map.of("CHANNEL_ID", dmChannel(user), "USER_ID", user)));
        } else if (method.equals("POST") && path.matches("channels/\\d+/typing")) {
            respond(exchange, 204, "");
        } else if (method.equals("POST") && path.matches("channels/\\d+/messages")) {
            respond(exchange, 200, message(path.split("/")[1]));
        } else if (method.equals("PATCH") && path.matches("channels/\\d+/messages/\\d+")) {
            respond(exchange, 200, message(path.split("/")[1], path.split("/")[3]));
        } else if (method.equals("PATCH") && path.matches("webhooks/\\d+/[^/]+/messages/@original")) {
            String original = originals.computeIfAbsent(path, p -> nextMessageId());
            respond(exchange, 200, message(Fixtures.GUILD_CHANNEL_ID, original));
        } else if (path.matches("webhooks/\\d+/[^/]+(/messages/@original)?") && !method.equals("GET")) {
            respond(exchange, 200, message(Fixtures.GUILD_CHANNEL_ID));
        } else {
            respond(exchange, 404, "{\"message\": \"404: Not Found\", \"code\": 0}");
        }
    }

    /** The DM channel the fake opens with a user: derived from the user id, so tests can predict it. */
    static String dmChannel(String user) {
        return Long.toString(Long.parseLong(user) + 7);
    }

    private String message(String channel) {
        return message(channel, nextMessageId());
    }

    private String nextMessageId() {
        return Long.toString(1_250_000_000_000_000_000L + messageIds.incrementAndGet());
    }

    private static String message(String channel, String id) {
        return Fixtures.load("sent-message.json", Map.of("ID", id, "CHANNEL_ID", channel));
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (status == 204 || bytes.length == 0) {
            exchange.sendResponseHeaders(status == 200 ? 204 : status, -1);
        } else {
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
