package dev.alfred.channel.slack;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Runs raw HTTP requests through a Bolt {@link App}: {@link SlackRequestParser} detects the payload
 * type (slash command, Events API, interactivity, url_verification, ssl_check) from the exact body Slack
 * signed, and the App verifies, dispatches and answers it. One parser serves every request, since
 * building one sets up its JSON reader again.
 */
final class BoltBridge {

    private final App app;
    private final SlackRequestParser parser;

    BoltBridge(App app) {
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
    }

    Response run(
            String path,
            Map<String, List<String>> query,
            Map<String, List<String>> headers,
            String body,
            String remoteAddress)
            throws Exception {
        Request<?> request = parser.parse(SlackRequestParser.HttpRequest.builder()
                .requestUri(path)
                .queryString(query)
                .headers(new RequestHeaders(headers))
                .requestBody(body)
                .remoteAddress(remoteAddress)
                .build());
        return app.run(request);
    }

    /**
     * Sends a signed {@code url_verification} through the whole path once, so that the first real
     * request from Slack does not pay for class loading and JSON setup (about 0.7 s cold).
     */
    boolean warm(String signingSecret) throws Exception {
        String body = "{\"type\":\"url_verification\",\"challenge\":\"warm-up\"}";
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        Map<String, List<String>> headers = Map.of(
                "content-type", List.of("application/json"),
                "x-slack-request-timestamp", List.of(timestamp),
                "x-slack-signature", List.of(new SlackSignature.Generator(signingSecret).generate(timestamp, body)));
        Response response = run("/slack/events", Map.of(), headers, body, "127.0.0.1");
        return response.getStatusCode() == 200 && "warm-up".equals(response.getBody());
    }
}
