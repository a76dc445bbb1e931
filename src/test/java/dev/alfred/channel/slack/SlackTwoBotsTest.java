package dev.alfred.channel.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.alfred.channel.ChannelProvider;
import dev.alfred.channel.ChannelStatus;
import dev.alfred.testing.AlfredProperties;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Two bots on Slack: {@code /slack/events} hands each request to the bot whose signing secret verifies it. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackTwoBotsTest implements TestPropertyProvider {

    static final String HELPER_SECRET = "helper-signing-secret";
    static final FakeSlack SLACK = SlackHttpChannelTest.start();

    @Inject
    EmbeddedServer server;

    @Inject
    JdbcOperations jdbc;

    @Inject
    List<ChannelProvider> providers;

    SignedRequests slack;

    @Override
    public Map<String, String> getProperties() {
        return AlfredProperties.fresh(
                "alfred.bots-dir",
                "src/test/resources/dev/alfred/channel/slack/bots",
                "alfred.secrets.TEST_ALFRED_SIGNING_SECRET",
                SignedRequests.SECRET,
                "alfred.secrets.TEST_ALFRED_BOT_TOKEN",
                FakeSlack.BOT_TOKEN,
                "alfred.secrets.TEST_HELPER_SIGNING_SECRET",
                HELPER_SECRET,
                "alfred.secrets.TEST_HELPER_BOT_TOKEN",
                "xoxb-helper-token",
                "alfred.slack.api-url",
                SLACK.apiUrl());
    }

    @BeforeAll
    void connect() {
        slack = new SignedRequests(server.getURI());
        await().atMost(Duration.ofSeconds(60))
                .until(() -> providers.stream()
                        .flatMap(p -> p.channels().stream())
                        .filter(c -> c.name().equals("slack"))
                        .allMatch(c -> c.status().state() == ChannelStatus.State.UP));
    }

    @AfterAll
    void stopFake() {
        SLACK.close();
    }

    @Test
    void a_command_goes_to_the_bot_whose_secret_signed_it_and_is_answered_with_its_token() {
        Map<String, String> fields =
                new java.util.HashMap<>(SlackHttpChannelTest.commandFields("U0TWO", "C0TWO", "help", "trig-helper"));
        fields.put("command", "/helper");
        fields.put("response_url", SLACK.responseUrl("gone-helper"));
        SLACK.failNext("/response/gone-helper", 404); // expired: the answer goes through chat.postMessage
        HttpResponse<String> ack = slack.post(
                "/slack/events",
                "application/x-www-form-urlencoded",
                SignedRequests.form(fields),
                HELPER_SECRET,
                Instant.now(),
                Map.of());

        assertThat(ack.statusCode()).isEqualTo(200);
        String bot = jdbc.prepareStatement("SELECT bot FROM inbox WHERE event_id = 'command:trig-helper'", s -> {
            try (var rows = s.executeQuery()) {
                return rows.next() ? rows.getString(1) : "(none)";
            }
        });
        assertThat(bot).isEqualTo("helper");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !SLACK.calls("chat.postMessage").isEmpty());
        FakeSlack.Call post = SLACK.calls("chat.postMessage").getFirst();
        assertThat(post.authorization()).isEqualTo("Bearer xoxb-helper-token");
        assertThat(post.params().get("text")).contains("/helper link");
    }

    @Test
    void a_request_no_bot_signed_is_401() {
        String body = SignedRequests.fixture("url_verification.json", Map.of());
        assertThat(slack.post("/slack/events", "application/json", body, "nobodys-secret", Instant.now(), Map.of())
                        .statusCode())
                .isEqualTo(401);
        assertThat(slack.post("/slack/events", "application/json", body, HELPER_SECRET, Instant.now(), Map.of())
                        .statusCode())
                .isEqualTo(200);
        assertThat(slack.post(
                                "/slack/events/helper",
                                "application/json",
                                body,
                                SignedRequests.SECRET,
                                Instant.now(),
                                Map.of())
                        .statusCode())
                .as("the alfred bot's secret does not open the helper bot's path")
                .isEqualTo(401);
    }
}
