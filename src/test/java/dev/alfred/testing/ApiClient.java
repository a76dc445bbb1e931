package dev.alfred.testing;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/**
 * Calls Alfred's HTTP API the way a script would, with raw JSON in and out, so that tests see
 * exactly the status codes and bodies a client sees.
 */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.createDefault();
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;

    public ApiClient(URI base) {
        this.base = base;
    }

    /** A response: its status, its raw body and the body parsed as JSON. */
    public record Response(int status, String body) {
        public Map<String, Object> json() {
            return read(body, Argument.mapOf(String.class, Object.class));
        }

        public List<Map<String, Object>> list() {
            return read(body, Argument.listOf(Argument.mapOf(String.class, Object.class)));
        }

        public String get(String field) {
            return String.valueOf(json().get(field));
        }
    }

    public Response get(String path, String token) {
        return send("GET", path, token, null, "application/json");
    }

    public Response post(String path, String token, String json) {
        return send("POST", path, token, json, "application/json");
    }

    public Response put(String path, String token, String json) {
        return send("PUT", path, token, json, "application/json");
    }

    public Response patch(String path, String token, String json) {
        return send("PATCH", path, token, json, "application/json");
    }

    public Response delete(String path, String token) {
        return send("DELETE", path, token, null, "application/json");
    }

    /** Any request; a null token sends no Authorization header. */
    public Response send(String method, String path, String token, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", contentType);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String body, Argument<T> type) {
        try {
            return JSON.readValue(body, type);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }
}
