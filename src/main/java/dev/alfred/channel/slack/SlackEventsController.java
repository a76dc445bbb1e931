package dev.alfred.channel.slack;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.response.Response;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.swagger.v3.oas.annotations.Hidden;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge between Micronaut and Bolt for Slack's HTTP requests (slash commands, Events API,
 * interactivity): the raw body, exactly as Slack signed it, goes through {@link BoltBridge} into the
 * bot's {@link App}, whose answer (status, headers, body) is copied back. Bolt checks the
 * signature and the timestamp; a failure is 401 and nothing is stored. {@code /slack/events} belongs
 * to the bot whose signing secret verifies the request; {@code /slack/events/{bot}} names it.
 */
@Controller("/slack")
@Hidden
class SlackEventsController {

    private static final Logger LOG = LoggerFactory.getLogger(SlackEventsController.class);
    private static final String TIMESTAMP = "X-Slack-Request-Timestamp";
    private static final String SIGNATURE = "X-Slack-Signature";

    private final SlackChannels channels;

    SlackEventsController(SlackChannels channels) {
        this.channels = channels;
    }

    @Post(
            uri = "/events",
            consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    HttpResponse<?> events(HttpRequest<?> request, @Body @Nullable String body) {
        String raw = body == null ? "" : body;
        List<SlackBot> candidates = channels.httpBots();
        Optional<SlackBot> bot = candidates.size() == 1
                ? Optional.of(candidates.getFirst())
                : candidates.stream().filter(b -> signedBy(b, request, raw)).findFirst();
        if (bot.isEmpty()) {
            return candidates.isEmpty()
                    ? error(HttpStatus.NOT_FOUND, "no Slack bot takes HTTP requests here")
                    : error(HttpStatus.UNAUTHORIZED, "invalid request");
        }
        return run(bot.get(), request, raw);
    }

    @Post(
            uri = "/events/{bot}",
            consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    HttpResponse<?> eventsOf(String bot, HttpRequest<?> request, @Body @Nullable String body) {
        return channels.httpBots().stream()
                .filter(b -> b.bot().equals(bot))
                .findFirst()
                .<HttpResponse<?>>map(b -> run(b, request, body == null ? "" : body))
                .orElseGet(() -> error(HttpStatus.NOT_FOUND, "bot " + bot + " takes no Slack HTTP requests"));
    }

    private static HttpResponse<?> run(SlackBot bot, HttpRequest<?> request, String body) {
        Optional<BoltBridge> bridge = bot.bridge();
        if (bridge.isEmpty()) {
            return error(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "the Slack channel is not running: " + bot.status().detail());
        }
        Map<String, List<String>> headers = new HashMap<>();
        request.getHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
        Response response;
        try {
            response = bridge.get()
                    .run(
                            request.getPath(),
                            request.getParameters().asMap(),
                            headers,
                            body,
                            request.getRemoteAddress().getHostString());
        } catch (Exception e) {
            LOG.error("Slack request for bot {} failed", bot.bot(), e);
            return error(HttpStatus.INTERNAL_SERVER_ERROR, "the event could not be stored");
        }
        MutableHttpResponse<String> out = HttpResponse.status(HttpStatus.valueOf(response.getStatusCode()));
        if (response.getHeaders() != null) {
            response.getHeaders()
                    .forEach((name, values) ->
                            values.forEach(v -> out.getHeaders().add(name, v)));
        }
        if (response.getBody() != null) {
            out.body(response.getBody());
            out.contentType(response.getContentType() == null ? MediaType.APPLICATION_JSON : response.getContentType());
        }
        return out;
    }

    /** Whether the request carries this bot's signature (the timestamp's age is Bolt's to check). */
    private static boolean signedBy(SlackBot bot, HttpRequest<?> request, String body) {
        String secret = bot.settings().map(SlackSettings::signingSecret).orElse(null);
        String timestamp = request.getHeaders().get(TIMESTAMP);
        String signature = request.getHeaders().get(SIGNATURE);
        if (secret == null || timestamp == null || signature == null) {
            return false;
        }
        String expected = new SlackSignature.Generator(secret).generate(timestamp, body);
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8));
    }

    private static MutableHttpResponse<Map<String, String>> error(HttpStatus status, String detail) {
        return HttpResponse.<Map<String, String>>status(status)
                .body(Map.of("error", detail))
                .contentType(MediaType.APPLICATION_JSON);
    }
}
