package dev.alfred.channel.telegram;

import static dev.alfred.testing.AlfredProperties.OWNER_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alfred.channel.ChannelStatus;
import dev.alfred.channel.Reply;
import dev.alfred.conversation.Channels;
import dev.alfred.conversation.Notifier;
import dev.alfred.identity.Actor;
import dev.alfred.testing.AlfredProperties;
import dev.alfred.testing.ApiClient;
import dev.alfred.testing.LinkedUsers;
import dev.alfred.testing.Users;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Webhook mode end to end: Telegram's calls come in through {@code POST /telegram/webhook/alfred},
 * go through the inbox, router and outbox, and the replies reach the fake Bot API through the real
 * telegrambots client.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TelegramWebhookTest implements TestPropertyProvider {

    static final String SECRET = "webhook-secret_123";

    final FakeTelegram telegram = new FakeTelegram();
    final AtomicInteger updateIds = new AtomicInteger(500);
    final AtomicLong telegramUsers = new AtomicLong(7000);

    @Inject
    EmbeddedServer server;

    @Inject
    Channels channels;

    @Inject
    JdbcOperations jdbc;

    @Inject
    TransactionOperations<Connection> tx;

    @Inject
    ApplicationContext context;

    @Inject
    Notifier notifier;

    ApiClient api;
    final HttpClient http = HttpClient.newHttpClient();

    @Override
    public Map<String, String> getProperties() {
        return AlfredProperties.fresh(
                "alfred.secrets.ALFRED_TELEGRAM_BOT_TOKEN",
                FakeTelegram.TOKEN,
                "alfred.secrets.ALFRED_TELEGRAM_WEBHOOK_SECRET",
                SECRET,
                "alfred.secrets.ALFRED_TELEGRAM_WEBHOOK_URL",
                "https://alfred.example.com/",
                "alfred.telegram.api-url",
                telegram.url(),
                "alfred.channels.telegram.per-chat-rate",
                "0",
                "alfred.channels.telegram.global-rate",
                "0",
                "alfred.outbox.backoff",
                "300ms",
                CardCommand.ENABLED,
                "true");
    }

    @BeforeAll
    void connect() {
        api = new ApiClient(server.getURI());
    }

    @AfterAll
    void stopFake() {
        telegram.close();
    }

    ApiClient.Response deliver(String update) {
        return webhook("alfred", SECRET, update);
    }

    ApiClient.Response webhook(String bot, String secret, String update) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.getURI().resolve("/telegram/webhook/" + bot))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(update));
        if (secret != null) {
            request.header(TelegramWebhookController.SECRET_HEADER, secret);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new ApiClient.Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends {@code update}, expects the 200 with an empty body, and waits for the next reply to {@code chat}. */
    String roundTrip(long chat, String update) {
        int before = telegram.textsTo(chat).size();
        ApiClient.Response response = deliver(update);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> telegram.textsTo(chat).size() > before);
        return telegram.textsTo(chat).get(before);
    }

    /** A new Telegram user linked to a new Alfred user, through {@code /link CODE}. */
    long linkedUser(String name) {
        long telegramUser = telegramUsers.incrementAndGet();
        Users.Created user = Users.of(api, OWNER_KEY).name(name).create();
        String code = api.post("/api/v1/users/" + user.id() + "/link-codes", OWNER_KEY, "")
                .get("code");
        String welcome =
                roundTrip(telegramUser, Updates.command(updateIds.incrementAndGet(), telegramUser, "/link " + code));
        assertThat(welcome).startsWith("Welcome, " + name);
        return telegramUser;
    }

    long inboxRows() {
        return tx.executeRead(status -> jdbc.prepareStatement("SELECT count(*) FROM inbox", statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }));
    }

    long inboxRows(String eventId) {
        return tx.executeRead(status -> jdbc.prepareStatement(
                "SELECT count(*) FROM inbox WHERE channel = 'telegram' AND event_id = ?", statement -> {
                    statement.setString(1, eventId);
                    try (ResultSet rows = statement.executeQuery()) {
                        rows.next();
                        return rows.getLong(1);
                    }
                }));
    }

    @Test
    void at_start_it_publishes_the_commands_and_registers_the_webhook_with_its_secret() {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !telegram.calls("setWebhook").isEmpty());
        FakeTelegram.Call webhook = telegram.calls("setWebhook").getFirst();
        assertThat(webhook.contentType()).startsWith("multipart/form-data");
        assertThat(webhook.param("url")).isEqualTo("https://alfred.example.com/telegram/webhook/alfred");
        assertThat(webhook.param("secret_token")).isEqualTo(SECRET);

        JsonNode commands = telegram.calls("setMyCommands").getFirst().json().path("commands");
        assertThat(commands).extracting(c -> c.path("command").asText()).contains("link", "help", "whoami", "demo");
        assertThat(commands).allSatisfy(c -> {
            assertThat(c.path("command").asText()).matches("[a-z0-9_]{1,32}");
            assertThat(c.path("description").asText()).hasSizeBetween(1, 256);
        });
        await().until(() ->
                channels.find("alfred", "telegram").orElseThrow().status().state() == ChannelStatus.State.UP);
        assertThat(channels.find("alfred", "telegram").orElseThrow().status().detail())
                .contains("webhook");
    }

    @Test
    void an_unlinked_user_gets_link_instructions_and_links_with_a_code() {
        long stranger = telegramUsers.incrementAndGet();
        String instructions = roundTrip(stranger, Updates.command(updateIds.incrementAndGet(), stranger, "/whoami"));
        assertThat(instructions).contains("/link CODE");

        Users.Created user = Users.of(api, OWNER_KEY).name("Ada Link").create();
        String code = api.post("/api/v1/users/" + user.id() + "/link-codes", OWNER_KEY, "")
                .get("code");
        String welcome =
                roundTrip(stranger, Updates.command(updateIds.incrementAndGet(), stranger, "/link@alfred_bot " + code));
        assertThat(welcome).startsWith("Welcome, Ada Link!");
        assertThat(roundTrip(stranger, Updates.command(updateIds.incrementAndGet(), stranger, "/whoami")))
                .contains("<b>Ada Link</b>");
    }

    @Test
    void a_command_round_trip_renders_html_with_the_card() {
        long user = linkedUser("Grace Hopper");
        String reply = roundTrip(user, Updates.command(updateIds.incrementAndGet(), user, "/whoami@alfred_bot"));
        assertThat(reply)
                .startsWith("You are <b>Grace Hopper</b>, employee at ")
                .contains("\n\n<b>Grace Hopper</b>\nRole: employee\n")
                .contains("Linked account: telegram " + user);
        FakeTelegram.Call call = telegram.calls("sendMessage").getLast();
        assertThat(call.param("parse_mode")).isEqualTo("HTML");
        assertThat(call.param("chat_id")).isEqualTo(Long.toString(user));
    }

    @Test
    void free_text_round_trip_shows_typing_first() {
        long user = linkedUser("Alan Turing");
        String reply = roundTrip(user, Updates.text(updateIds.incrementAndGet(), user, "hello there & <you>"));
        assertThat(reply).startsWith("Sorry, I did not understand that.").contains("/help");
        assertThat(telegram.calls("sendChatAction"))
                .anySatisfy(c -> assertThat(c.params())
                        .containsEntry("chat_id", Long.toString(user))
                        .containsEntry("action", "typing"));
    }

    @Test
    void buttons_render_as_an_inline_keyboard_and_a_press_comes_back_and_is_answered() {
        long user = linkedUser("Barbara Liskov");
        String card = roundTrip(user, Updates.command(updateIds.incrementAndGet(), user, "/demo"));
        assertThat(card).isEqualTo("Pick <b>one</b>\n\n<b>Demo &lt;card&gt;</b>\nState: open &amp; waiting");
        JsonNode keyboard = telegram.calls("sendMessage")
                .getLast()
                .json()
                .path("reply_markup")
                .path("inline_keyboard");
        assertThat(keyboard.get(0))
                .extracting(b ->
                        b.path("text").asText() + "=" + b.path("callback_data").asText())
                .containsExactly("Done=demo done 42", "Later=demo later");

        int press = updateIds.incrementAndGet();
        String answer = roundTrip(user, Updates.button(press, user, "demo done 42"));
        assertThat(answer).isEqualTo("You pressed <i>done 42</i>");
        assertThat(telegram.calls("answerCallbackQuery"))
                .anySatisfy(c -> assertThat(c.param("callback_query_id")).isEqualTo("cb-" + press));
    }

    @Test
    void a_wrong_or_missing_secret_or_unknown_bot_is_401_and_nothing_is_stored() {
        long user = telegramUsers.incrementAndGet();
        String update = Updates.command(updateIds.incrementAndGet(), user, "/whoami");
        long before = inboxRows();
        for (ApiClient.Response refused : List.of(
                webhook("alfred", "wrong-secret", update),
                webhook("alfred", null, update),
                webhook("alfred", SECRET + "x", update),
                webhook("nobody", SECRET, update))) {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.json()).containsEntry("error", "unauthorized").containsKey("detail");
        }
        assertThat(inboxRows()).isEqualTo(before);
        assertThat(telegram.textsTo(user)).isEmpty();
    }

    @Test
    void a_body_that_is_not_an_update_is_400() {
        ApiClient.Response response = deliver("{\"not\": \"an update\"");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json()).containsEntry("error", "invalid");
    }

    @Test
    void the_same_update_delivered_three_times_is_answered_once() {
        long user = telegramUsers.incrementAndGet();
        int id = updateIds.incrementAndGet();
        String update = Updates.command(id, user, "/help");
        for (int i = 0; i < 3; i++) {
            assertThat(deliver(update).status()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(15))
                .until(() -> telegram.textsTo(user).size() == 1);
        assertThat(inboxRows(Integer.toString(id))).isEqualTo(1);
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> telegram.textsTo(user).size() == 1);
    }

    @Test
    void a_429_is_honoured_with_its_retry_after_and_the_reply_still_arrives() {
        long user = linkedUser("Edsger Dijkstra");
        telegram.throttleNext("sendMessage", 1);
        String reply = roundTrip(user, Updates.command(updateIds.incrementAndGet(), user, "/whoami"));
        assertThat(reply).contains("Edsger Dijkstra");
        List<FakeTelegram.Call> attempts = telegram.calls("sendMessage").stream()
                .filter(c -> c.param("chat_id").equals(Long.toString(user)))
                .toList();
        FakeTelegram.Call throttled = attempts.get(attempts.size() - 2);
        FakeTelegram.Call resent = attempts.getLast();
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(resent.delivered()).isTrue();
        assertThat(throttled.param("text")).isEqualTo(resent.param("text"));
        assertThat(Duration.between(throttled.at(), resent.at())).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void a_500_is_retried_and_the_reply_arrives() {
        long user = linkedUser("Frances Allen");
        telegram.breakNext("sendMessage");
        String reply = roundTrip(user, Updates.command(updateIds.incrementAndGet(), user, "/whoami"));
        assertThat(reply).contains("Frances Allen");
        assertThat(telegram.calls("sendMessage").stream()
                        .filter(c -> c.param("chat_id").equals(Long.toString(user))
                                && c.param("text").startsWith("You are"))
                        .map(FakeTelegram.Call::status))
                .containsExactly(500, 200);
    }

    /** Notifies a new person linked on Telegram and returns their Telegram user id, which is their private chat's id. */
    long notifyNewPerson(String name, Reply reply) {
        long user = telegramUsers.incrementAndGet();
        Actor person = LinkedUsers.link(context, "telegram", Long.toString(user), name);
        boolean reachable = tx.executeWrite(status -> notifier.notify(person.tenantId(), person.userId(), reply));
        assertThat(reachable).isTrue();
        return user;
    }

    @Test
    void a_notification_reaches_the_persons_private_chat_with_its_card() {
        Reply reply = Reply.text("You have a *new task*")
                .withCard(new Reply.Card(
                        "Call Acme",
                        List.of(new Reply.Field("Due", "tomorrow")),
                        List.of(new Reply.Button("Done", "task done 42", Reply.Button.Style.PRIMARY))));
        long user = notifyNewPerson("Nora Notified", reply);

        await().atMost(Duration.ofSeconds(15))
                .until(() -> !telegram.textsTo(user).isEmpty());
        assertThat(telegram.textsTo(user))
                .containsExactly("You have a <b>new task</b>\n\n<b>Call Acme</b>\nDue: tomorrow");
        FakeTelegram.Call sent = telegram.calls("sendMessage").stream()
                .filter(c -> c.param("chat_id").equals(Long.toString(user)))
                .findFirst()
                .orElseThrow();
        assertThat(sent.param("parse_mode")).isEqualTo("HTML");
        assertThat(sent.json()
                        .path("reply_markup")
                        .path("inline_keyboard")
                        .get(0)
                        .get(0)
                        .path("callback_data")
                        .asText())
                .isEqualTo("task done 42");
        assertThat(telegram.calls("sendMessage"))
                .noneSatisfy(c -> assertThat(c.param("chat_id")).startsWith("@"));
    }

    @Test
    void a_notification_answered_with_429_and_then_500_is_retried_until_it_arrives() {
        telegram.throttleNext("sendMessage", 1);
        telegram.breakNext("sendMessage");
        long user = notifyNewPerson("Rita Retry", Reply.text("Reminder: call Acme"));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> telegram.textsTo(user).size() == 1);
        assertThat(telegram.calls("sendMessage").stream()
                        .filter(c -> c.param("chat_id").equals(Long.toString(user)))
                        .map(FakeTelegram.Call::status))
                .containsExactly(429, 500, 200);
        assertThat(telegram.textsTo(user)).containsExactly("Reminder: call Acme");
    }
}
