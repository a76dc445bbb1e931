package dev.alfred.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * A local Google: the OAuth token endpoint named in a throwaway service-account key file, and the
 * Sheets API's {@code values:batchGet} and {@code values.get} over a spreadsheet held in memory. It
 * records the Authorization header of every Sheets call and can be told to fail with a status.
 */
final class FakeSheets implements AutoCloseable {

    static final String TOKEN = "fake-token-123";
    static final String EMAIL = "alfred-sync@test-project.iam.gserviceaccount.com";

    private final HttpServer server;
    private final Map<String, List<List<Object>>> tabs = new ConcurrentHashMap<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    final List<String> tokenRequests = new CopyOnWriteArrayList<>();
    volatile int failWith;

    FakeSheets() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/token", this::token);
        server.createContext("/v4/spreadsheets/", this::values);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    void tab(String name, List<List<Object>> cells) {
        tabs.put(name, cells);
    }

    /** A service-account key file with a fresh RSA key whose {@code token_uri} is this fake. */
    Path keyFile(Path dir) throws IOException {
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            pair = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String pem = "-----BEGIN PRIVATE KEY-----\\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'})
                        .encodeToString(pair.getPrivate().getEncoded())
                        .replace("\n", "\\n")
                + "\\n-----END PRIVATE KEY-----\\n";
        String json = """
                {"type": "service_account", "project_id": "test-project", "private_key_id": "k1",
                 "private_key": "%s", "client_email": "%s", "client_id": "1",
                 "token_uri": "%stoken"}""".formatted(pem, EMAIL, uri());
        Path file = dir.resolve("sheets-key.json");
        Files.writeString(file, json);
        return file;
    }

    private void token(HttpExchange exchange) throws IOException {
        tokenRequests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        respond(
                exchange,
                200,
                "{\"access_token\": \"" + TOKEN + "\", \"token_type\": \"Bearer\", \"expires_in\": 3600}");
    }

    private void values(HttpExchange exchange) throws IOException {
        authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        if (failWith != 0) {
            respond(exchange, failWith, "{\"error\": {\"code\": " + failWith + ", \"message\": \"injected failure\"}}");
            return;
        }
        String path = exchange.getRequestURI().getPath();
        List<String> ranges = new ArrayList<>();
        if (path.endsWith("/values:batchGet")) {
            String query = exchange.getRequestURI().getRawQuery();
            for (String pair : query == null ? new String[0] : query.split("&")) {
                if (pair.startsWith("ranges=")) {
                    ranges.add(URLDecoder.decode(pair.substring(7), StandardCharsets.UTF_8));
                }
            }
        } else {
            ranges.add(path.substring(path.indexOf("/values/") + 8));
        }
        List<String> bodies = new ArrayList<>();
        for (String range : ranges) {
            String name = range.replaceAll("^'(.*)'$", "$1").replace("''", "'");
            List<List<Object>> cells = tabs.get(name);
            if (cells == null) {
                respond(
                        exchange,
                        400,
                        "{\"error\": {\"code\": 400, \"message\": \"Unable to parse range: " + name + "\"}}");
                return;
            }
            bodies.add("{\"range\": " + quote(range + "!A1:Z" + cells.size())
                    + ", \"majorDimension\": \"ROWS\", \"values\": " + json(cells) + "}");
        }
        if (path.endsWith("/values:batchGet")) {
            respond(exchange, 200, "{\"spreadsheetId\": \"x\", \"valueRanges\": [" + String.join(",", bodies) + "]}");
        } else {
            respond(exchange, 200, bodies.getFirst());
        }
    }

    private static String json(List<List<Object>> cells) {
        return cells.stream()
                .map(row -> row.stream()
                        .map(cell -> cell instanceof Number || cell instanceof Boolean
                                ? cell.toString()
                                : quote(cell.toString()))
                        .collect(Collectors.joining(",", "[", "]")))
                .collect(Collectors.joining(",", "[", "]"));
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
