package dev.alfred.channel.telegram;

import static dev.alfred.testing.AlfredProperties.OWNER_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.alfred.channel.ChannelStatus;
import dev.alfred.conversation.Channels;
import dev.alfred.testing.AlfredProperties;
import dev.alfred.testing.ApiClient;
import dev.alfred.testing.Users;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Long-polling mode (no webhook secret): updates are pulled through the real telegrambots
 * long-polling application from the fake, and only the instance holding the bot's advisory lock
 * polls; when it stops, another instance on the same database takes over.
 */
class TelegramLongPollingTest {

    private final FakeTelegram first = new FakeTelegram();
    private final FakeTelegram second = new FakeTelegram();
    private EmbeddedServer one;
    private EmbeddedServer two;

    @AfterEach
    void stop() {
        for (EmbeddedServer server : new EmbeddedServer[] {one, two}) {
            if (server != null && server.getApplicationContext().isRunning()) {
                server.getApplicationContext().close();
            }
        }
        first.close();
        second.close();
    }

    private static Map<String, Object> properties(Map<String, String> database, FakeTelegram telegram) {
        Map<String, Object> properties = new HashMap<>(AlfredProperties.fresh(
                "alfred.secrets.ALFRED_TELEGRAM_BOT_TOKEN", FakeTelegram.TOKEN,
                "alfred.telegram.api-url", telegram.url(),
                "alfred.telegram.poll-timeout", "1s",
                "alfred.telegram.lock-retry", "300ms",
                "alfred.channels.telegram.per-chat-rate", "0",
                "alfred.channels.telegram.global-rate", "0"));
        properties.putAll(database);
        return properties;
    }

    private static Map<String, String> database(Map<String, String> properties) {
        Map<String, String> database = new HashMap<>();
        properties.forEach((key, value) -> {
            if (key.startsWith("datasources.")) {
                database.put(key, value);
            }
        });
        return database;
    }

    private static ChannelStatus status(EmbeddedServer server) {
        return server.getApplicationContext()
                .getBean(Channels.class)
                .find("alfred", "telegram")
                .orElseThrow()
                .status();
    }

    private static boolean polls(EmbeddedServer server) {
        return status(server).equals(ChannelStatus.up("long polling on this instance"));
    }

    @Test
    void a_command_round_trip_through_long_polling_with_duplicates_answered_once() {
        one = ApplicationContext.run(EmbeddedServer.class, properties(Map.of(), first));
        await().atMost(Duration.ofSeconds(15)).until(() -> polls(one));
        // The channel reports UP as its poller starts, a moment before the first getUpdates goes out.
        await().untilAsserted(() -> assertThat(first.calls().stream().map(FakeTelegram.Call::method))
                .containsSubsequence("getme", "deletewebhook", "getupdates"));
        long stranger = 8101;

        String whoami = Updates.command(9001, stranger, "/whoami");
        first.queueUpdate(whoami);
        first.queueUpdate(whoami);
        first.queueUpdate(whoami);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> first.textsTo(stranger).size() == 1);
        assertThat(first.textsTo(stranger).getFirst()).contains("/link CODE");

        ApiClient api = new ApiClient(one.getURI());
        Users.Created user = Users.of(api, OWNER_KEY).name("Katherine Johnson").create();
        String code = api.post("/api/v1/users/" + user.id() + "/link-codes", OWNER_KEY, "")
                .get("code");
        first.queueUpdate(Updates.command(9002, stranger, "/link " + code));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> first.textsTo(stranger).size() == 2);
        assertThat(first.textsTo(stranger).getLast()).startsWith("Welcome, Katherine Johnson!");
        await().during(Duration.ofMillis(800))
                .atMost(Duration.ofSeconds(3))
                .until(() -> first.textsTo(stranger).size() == 2);
    }

    @Test
    void only_the_lock_holder_polls_and_another_instance_takes_over_when_it_stops() {
        Map<String, String> database = database(AlfredProperties.fresh());
        one = ApplicationContext.run(EmbeddedServer.class, properties(database, first));
        await().atMost(Duration.ofSeconds(15)).until(() -> polls(one));

        two = ApplicationContext.run(EmbeddedServer.class, properties(database, second));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> status(two).equals(ChannelStatus.up("long polling on another instance (standby)")));
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> second.calls("getUpdates").isEmpty()
                        && second.calls("deleteWebhook").isEmpty());
        assertThat(second.calls("getMe")).isNotEmpty();

        one.getApplicationContext().close();
        await().atMost(Duration.ofSeconds(15)).until(() -> polls(two));
        assertThat(second.calls("getUpdates")).isNotEmpty();
        int polledByFirst = first.calls("getUpdates").size();
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> first.calls("getUpdates").size() == polledByFirst);

        long user = 8201;
        second.queueUpdate(Updates.command(9101, user, "/help"));
        await().atMost(Duration.ofSeconds(15)).until(() -> second.textsTo(user).size() == 1);
        assertThat(first.textsTo(user)).isEmpty();
    }

    @Test
    void failing_get_updates_make_the_channel_down_with_the_reason_until_polling_recovers() throws Exception {
        one = ApplicationContext.run(EmbeddedServer.class, properties(Map.of(), first));
        await().atMost(Duration.ofSeconds(15)).until(() -> polls(one));
        for (int i = 0; i < 3; i++) {
            first.breakNext("getUpdates");
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> status(one).equals(ChannelStatus.down("Telegram answered getupdates with HTTP 500")));
        await().atMost(Duration.ofSeconds(15)).until(() -> polls(one));

        HttpRequest webhook = HttpRequest.newBuilder(one.getURI().resolve("/telegram/webhook/alfred"))
                .header(TelegramWebhookController.SECRET_HEADER, "")
                .POST(HttpRequest.BodyPublishers.ofString(Updates.command(9201, 8301, "/help")))
                .build();
        assertThat(HttpClient.newHttpClient()
                        .send(webhook, HttpResponse.BodyHandlers.discarding())
                        .statusCode())
                .as("a bot without a webhook secret accepts no webhook calls")
                .isEqualTo(401);
    }

    @Test
    void shutdown_stops_polling_and_its_threads() {
        one = ApplicationContext.run(EmbeddedServer.class, properties(Map.of(), first));
        await().atMost(Duration.ofSeconds(15)).until(() -> polls(one));
        assertThat(pollingThreads()).isPositive();

        one.getApplicationContext().close();
        assertThat(pollingThreads()).isZero();
        int polled = first.calls("getUpdates").size();
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> first.calls("getUpdates").size() == polled);
    }

    private static long pollingThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("telegram-poll-"))
                .count();
    }
}
