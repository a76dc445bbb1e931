package dev.alfred.channel.slack;

import static dev.alfred.testing.AlfredProperties.OWNER_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.alfred.channel.Channel;
import dev.alfred.channel.ChannelProvider;
import dev.alfred.channel.ChannelStatus;
import dev.alfred.testing.AlfredProperties;
import dev.alfred.testing.ApiClient;
import dev.alfred.testing.Users;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Socket Mode through Bolt's {@code SocketModeApp} with the Java-WebSocket backend: the channel opens a
 * connection via {@code apps.connections.open}, acknowledges a slash command envelope after storing it,
 * answers through the response_url, reports DOWN while the connection is lost and UP once the SDK has
 * reconnected, and closes the connection and its threads on shutdown.
 */
class SlackSocketModeTest {

    @Test
    void a_slash_command_arrives_over_socket_mode_and_shutdown_closes_everything() throws Exception {
        Set<String> threadsBefore = threadNames();
        try (FakeSlack slack = new FakeSlack();
                FakeSocketMode socket = new FakeSocketMode()) {
            socket.start();
            await().until(() -> socket.getPort() > 0);
            slack.socketUrl(socket.url());
            ApplicationContext context = ApplicationContext.run(
                            EmbeddedServer.class,
                            AlfredProperties.fresh(
                                            "alfred.secrets.ALFRED_SLACK_APP_TOKEN",
                                            "xapp-test-token",
                                            "alfred.secrets.ALFRED_SLACK_BOT_TOKEN",
                                            FakeSlack.BOT_TOKEN,
                                            "alfred.slack.api-url",
                                            slack.apiUrl())
                                    .entrySet()
                                    .stream()
                                    .collect(Collectors.toMap(Map.Entry::getKey, e -> (Object) e.getValue())))
                    .getApplicationContext();
            try {
                Channel channel = slackChannel(context);
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> channel.status().state() == ChannelStatus.State.UP);
                assertThat(channel.status().detail()).contains("Socket Mode");
                assertThat(slack.calls("apps.connections.open"))
                        .isNotEmpty()
                        .allSatisfy(call -> assertThat(call.authorization()).isEqualTo("Bearer xapp-test-token"));
                await().until(() -> socket.connections() == 1);

                ApiClient api =
                        new ApiClient(context.getBean(EmbeddedServer.class).getURI());
                Users.Created user = Users.of(api, OWNER_KEY).name("Sam Socket").create();
                String code = api.post("/api/v1/users/" + user.id() + "/link-codes", OWNER_KEY, "")
                        .get("code");
                socket.deliver(SignedRequests.fixture(
                        "socket_slash_command.json",
                        Map.of(
                                "ENVELOPE",
                                "env-1",
                                "USER",
                                "U0SOCKET",
                                "CHANNEL",
                                "C0SOCK",
                                "TEXT",
                                "link " + code,
                                "TRIGGER",
                                "trig-socket-1",
                                "RESPONSE_URL",
                                slack.responseUrl("sock-1"))));

                await().atMost(Duration.ofSeconds(30))
                        .until(() -> !socket.received().isEmpty());
                Map<String, Object> ack =
                        SlackHttpChannelTest.read(socket.received().getFirst());
                assertThat(ack).containsEntry("envelope_id", "env-1");
                assertThat(SlackHttpChannelTest.JSON(ack.get("payload"))).contains(SlackListeners.WORKING);

                await().atMost(Duration.ofSeconds(30))
                        .until(() -> !slack.responses("sock-1").isEmpty());
                assertThat(slack.responses("sock-1").getFirst().body()).contains("Welcome, Sam Socket");

                socket.dropConnections();
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> channel.status().state() == ChannelStatus.State.DOWN);
                assertThat(channel.status().detail()).contains("Socket Mode connection closed (1001)");
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> channel.status().state() == ChannelStatus.State.UP);
                assertThat(socket.connections()).isEqualTo(1);
            } finally {
                context.close();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> socket.connections() == 0);
            assertThat(socket.closed()).isEqualTo(socket.opened());
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(newThreads(threadsBefore))
                            .noneMatch(name -> name.startsWith("slack-starter")
                                    || name.startsWith(SlackExecutors.THREAD_PREFIX)
                                    || name.startsWith("WebSocketConnectReadThread")
                                    || name.startsWith("WebSocketWriteThread")
                                    || name.contains("socket-mode")));
        }
    }

    static Channel slackChannel(ApplicationContext context) {
        return context.getBeansOfType(ChannelProvider.class).stream()
                .flatMap(p -> p.channels().stream())
                .filter(c -> c.name().equals("slack"))
                .findFirst()
                .orElseThrow();
    }

    static Set<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .collect(Collectors.toSet());
    }

    static Set<String> newThreads(Set<String> before) {
        Set<String> now = threadNames();
        now.removeAll(before);
        return now;
    }
}
