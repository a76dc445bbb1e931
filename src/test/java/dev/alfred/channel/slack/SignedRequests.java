package dev.alfred.channel.slack;

import com.slack.api.app_backend.SlackSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Plays Slack towards Alfred: builds requests from the JSON fixtures under
 * {@code src/test/resources/dev/alfred/channel/slack/}, signs them the way Slack does
 * ({@code v0=HMAC-SHA256(secret, "v0:ts:body")}) and posts them to {@code /slack/events}.
 */
final class SignedRequests {

    static final String SECRET = "test-signing-secret";

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI alfred;

    SignedRequests(URI alfred) {
        this.alfred = alfred;
    }

    /** A fixture with {@code ${name}} placeholders filled in. */
    static String fixture(String name, Map<String, String> values) {
        try {
            String text = Files.readString(
                    Path.of("src/test/resources/dev/alfred/channel/slack", name), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> value : values.entrySet()) {
                text = text.replace("${" + value.getKey() + "}", value.getValue());
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A slash command's form body, from a JSON object of its fields. */
    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    HttpResponse<String> json(String body, Map<String, String> headers) {
        return post("/slack/events", "application/json", body, SECRET, Instant.now(), headers);
    }

    HttpResponse<String> form(String body) {
        return post("/slack/events", "application/x-www-form-urlencoded", body, SECRET, Instant.now(), Map.of());
    }

    HttpResponse<String> post(
            String path, String contentType, String body, String secret, Instant at, Map<String, String> headers) {
        String timestamp = Long.toString(at.getEpochSecond());
        HttpRequest.Builder request = HttpRequest.newBuilder(alfred.resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", contentType)
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", new SlackSignature.Generator(secret).generate(timestamp, body));
        headers.forEach(request::setHeader);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
