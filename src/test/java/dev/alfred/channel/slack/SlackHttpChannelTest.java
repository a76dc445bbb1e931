package dev.alfred.channel.slack;

import static dev.alfred.testing.AlfredProperties.OWNER_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.alfred.channel.Channel;
import dev.alfred.channel.ChannelProvider;
import dev.alfred.channel.ChannelStatus;
import dev.alfred.channel.Reply;
import dev.alfred.conversation.Notifier;
import dev.alfred.identity.Actor;
import dev.alfred.testing.AlfredProperties;
import dev.alfred.testing.ApiClient;
import dev.alfred.testing.LinkedUsers;
import dev.alfred.testing.Users;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Slack channel in HTTP mode, end to end: signed requests from "Slack" into {@code /slack/events},
 * through Bolt, the inbox, the router and the outbox, back out through the Bolt SDK's Web API client
 * to {@link FakeSlack}.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackHttpChannelTest implements TestPropertyProvider {

    static final JsonMapper JSON = JsonMapper.createDefault();
    static final FakeSlack SLACK = start();

    @Inject
    EmbeddedServer server;

    @Inject
    JdbcOperations jdbc;

    @Inject
    List<ChannelProvider> providers;

    @Inject
    ApplicationContext context;

    @Inject
    Notifier notifier;

    @Inject
    TransactionOperations<Connection> tx;

    ApiClient api;
    SignedRequests slack;

    static FakeSlack start() {
        try {
            return new FakeSlack();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> getProperties() {
        return AlfredProperties.fresh(
                "alfred.secrets.ALFRED_SLACK_SIGNING_SECRET", SignedRequests.SECRET,
                "alfred.secrets.ALFRED_SLACK_BOT_TOKEN", FakeSlack.BOT_TOKEN,
                "alfred.slack.api-url", SLACK.apiUrl(),
                "alfred.outbox.backoff", "100ms",
                "alfred.channels.slack.per-chat-rate", "0",
                "alfred.channels.slack.global-rate", "0",
                "slack-test.card-command", "true");
    }

    @BeforeAll
    void connect() {
        api = new ApiClient(server.getURI());
        slack = new SignedRequests(server.getURI());
        await().atMost(Duration.ofSeconds(60))
                .until(() -> slackChannel().status().state() == ChannelStatus.State.UP);
    }

    @AfterAll
    void stopFake() {
        SLACK.close();
    }

    @Test
    void status_is_up_in_http_mode() {
        assertThat(slackChannel().status().detail()).contains("HTTP mode").contains(FakeSlack.TEAM);
    }

    @Test
    void a_command_is_stored_before_the_ack_and_answered_through_its_response_url() {
        String user = linkedUser();
        String trigger = id();
        HttpResponse<String> ack = command(user, "C0GENERAL", "whoami", trigger);

        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(ack.body()).contains(SlackListeners.WORKING);
        assertThat(inbox("command:" + trigger)).isEqualTo(1);

        Map<String, Object> reply = awaitResponse(trigger);
        assertThat(reply).containsEntry("response_type", "ephemeral").containsEntry("replace_original", true);
        assertThat(reply.get("text").toString()).startsWith("You are *");
        assertThat(JSON(reply.get("blocks")))
                .contains("\"type\":\"section\"", "\"type\":\"header\"", "*Role*", "Linked account");
    }

    @Test
    void a_command_without_text_is_help() {
        String user = linkedUser();
        String trigger = id();
        command(user, "C0GENERAL", "", trigger);
        assertThat(awaitResponse(trigger).get("text").toString()).contains("/alfred whoami");
    }

    @Test
    void a_direct_message_is_answered_with_chat_post_message() {
        String user = linkedUser();
        String chat = "D" + id();
        assertThat(event("event_message_im.json", user, chat, "hello there", id(), Map.of())
                        .statusCode())
                .isEqualTo(200);

        FakeSlack.Call post = awaitPosts(chat, 1).getFirst();
        assertThat(post.authorization()).isEqualTo("Bearer " + FakeSlack.BOT_TOKEN);
        assertThat(post.params().get("text")).isNotBlank();
        assertThat(post.params().get("blocks")).contains("\"type\":\"section\"", "\"type\":\"mrkdwn\"");
        assertThat(post.params()).doesNotContainKey("thread_ts");
    }

    @Test
    void a_mention_loses_the_mention_and_is_answered_in_its_thread() {
        String user = linkedUser();
        String chat = "C" + id();
        String eventId = "Ev" + id();
        event("event_app_mention.json", user, chat, "how are we doing?", eventId, Map.of());

        assertThat(awaitPosts(chat, 1).getFirst().params()).containsEntry("thread_ts", "1700000003.000400");
        assertThat(inboxText("event:" + eventId)).isEqualTo("TEXT how are we doing?");
    }

    @Test
    void messages_of_bots_are_acknowledged_and_ignored() {
        String eventId = "Ev" + id();
        HttpResponse<String> response = event("event_bot_message_im.json", "U0NONE", "D" + id(), "", eventId, Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(inbox("event:" + eventId)).isZero();
    }

    @Test
    void a_card_renders_as_block_kit_and_a_button_press_comes_back_as_a_button() {
        String user = linkedUser();
        String trigger = id();
        command(user, "C0GENERAL", "card", trigger);
        String blocks = JSON(awaitResponse(trigger).get("blocks"));
        assertThat(blocks)
                .contains("<https://example.com/run?a=1&amp;b=2|the runbook>", "• check the `printer`")
                .contains("{\"type\":\"header\",\"text\":{\"type\":\"plain_text\",\"text\":\"Printer on floor 2\"")
                .contains("\"fields\":[{\"type\":\"mrkdwn\",\"text\":\"*Priority*\\nhigh\"}")
                .contains("\"type\":\"actions\"")
                .contains("\"action_id\":\"alfred-0\"", "\"value\":\"whoami\"", "\"style\":\"primary\"")
                .contains("\"action_id\":\"alfred-1\"", "\"style\":\"danger\"");

        String press = id();
        String payload = SignedRequests.fixture(
                "block_actions.json",
                Map.of(
                        "USER",
                        user,
                        "CHANNEL",
                        "C0GENERAL",
                        "TRIGGER",
                        press,
                        "RESPONSE_URL",
                        SLACK.responseUrl(press),
                        "VALUE",
                        "whoami"));
        HttpResponse<String> ack = slack.form("payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8));
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(inboxText("button:" + press)).isEqualTo("BUTTON whoami");
        Map<String, Object> answer = awaitResponse(press);
        assertThat(answer.get("text").toString()).startsWith("You are *");
        assertThat(answer).containsEntry("response_type", "in_channel");
    }

    @Test
    void bad_signatures_stale_timestamps_and_wrong_secrets_are_401_and_store_nothing() {
        long before = inboxRows();
        String body = SignedRequests.form(commandFields("U0ATTACK", "C0GENERAL", "whoami", id()));
        String form = "application/x-www-form-urlencoded";

        HttpResponse<String> wrongSecret =
                slack.post("/slack/events", form, body, "not-the-secret", Instant.now(), Map.of());
        HttpResponse<String> stale = slack.post(
                "/slack/events",
                form,
                body,
                SignedRequests.SECRET,
                Instant.now().minusSeconds(600),
                Map.of());
        HttpResponse<String> tampered = slack.post(
                "/slack/events",
                form,
                body,
                SignedRequests.SECRET,
                Instant.now(),
                Map.of("X-Slack-Signature", "v0=" + "0".repeat(64)));
        HttpResponse<String> namedBot =
                slack.post("/slack/events/alfred", form, body, "not-the-secret", Instant.now(), Map.of());

        assertThat(List.of(wrongSecret.statusCode(), stale.statusCode(), tampered.statusCode(), namedBot.statusCode()))
                .containsOnly(401);
        assertThat(inboxRows()).isEqualTo(before);
    }

    @Test
    void the_same_event_delivered_three_times_is_stored_and_answered_once() {
        String user = linkedUser();
        String chat = "D" + id();
        String eventId = "Ev" + id();
        for (int retry = 0; retry < 3; retry++) {
            Map<String, String> headers = retry == 0
                    ? Map.of()
                    : Map.of("X-Slack-Retry-Num", Integer.toString(retry), "X-Slack-Retry-Reason", "http_timeout");
            assertThat(event("event_message_im.json", user, chat, "hello once", eventId, headers)
                            .statusCode())
                    .isEqualTo(200);
        }
        assertThat(inbox("event:" + eventId)).isEqualTo(1);
        awaitPosts(chat, 1);
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> posts(chat).size() == 1);
    }

    @Test
    void a_429_is_honoured_and_the_reply_still_arrives() {
        String user = linkedUser();
        String chat = "D" + id();
        SLACK.throttleNext("/api/chat.postMessage", 2);
        event("event_message_im.json", user, chat, "throttle me", id(), Map.of());

        List<FakeSlack.Call> posts = awaitPosts(chat, 2);
        assertThat(Duration.between(posts.get(0).at(), posts.get(1).at()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(1950));
    }

    @Test
    void a_500_is_retried_and_the_reply_arrives() {
        String user = linkedUser();
        String chat = "D" + id();
        SLACK.failNext("/api/chat.postMessage", 500);
        event("event_message_im.json", user, chat, "fail once", id(), Map.of());
        assertThat(awaitPosts(chat, 2)).hasSize(2);
    }

    @Test
    void a_throttled_response_url_is_retried_after_its_retry_after() {
        String user = linkedUser();
        String trigger = id();
        SLACK.throttleNext("/response/" + trigger, 1);
        command(user, "C0GENERAL", "whoami", trigger);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> SLACK.responses(trigger).size() == 2);
        List<FakeSlack.Call> calls = SLACK.responses(trigger);
        assertThat(Duration.between(calls.get(0).at(), calls.get(1).at()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void an_unlinked_user_gets_link_instructions_and_link_links_them() {
        String user = "U" + id();
        String chat = "D" + id();
        event("event_message_im.json", user, chat, "hi", id(), Map.of());
        assertThat(awaitPosts(chat, 1).getFirst().params().get("text")).contains("/alfred link CODE");

        Users.Created created = Users.of(api, OWNER_KEY).name("Jane Doe").create();
        String code = api.post("/api/v1/users/" + created.id() + "/link-codes", OWNER_KEY, "")
                .get("code");
        String trigger = id();
        command(user, chat, "link " + code, trigger);
        assertThat(awaitResponse(trigger).get("text").toString()).contains("Welcome, Jane Doe");

        String next = id();
        command(user, chat, "whoami", next);
        assertThat(awaitResponse(next).get("text").toString()).contains("Jane Doe");
    }

    @Test
    void url_verification_answers_the_challenge_on_both_paths() {
        String body = SignedRequests.fixture("url_verification.json", Map.of());
        HttpResponse<String> shared = slack.json(body, Map.of());
        HttpResponse<String> named = slack.post(
                "/slack/events/alfred", "application/json", body, SignedRequests.SECRET, Instant.now(), Map.of());
        HttpResponse<String> unknown = slack.post(
                "/slack/events/nobody", "application/json", body, SignedRequests.SECRET, Instant.now(), Map.of());

        assertThat(shared.statusCode()).isEqualTo(200);
        assertThat(shared.body()).isEqualTo("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
        assertThat(named.body()).isEqualTo(shared.body());
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    // ---------------------------------------------------------------- helpers

    Channel slackChannel() {
        return providers.stream()
                .flatMap(p -> p.channels().stream())
                .filter(c -> c.name().equals("slack") && c.bot().equals("alfred"))
                .findFirst()
                .orElseThrow();
    }

    /** A Slack user linked to a new Alfred user. */
    String linkedUser() {
        String user = "U" + id();
        Users.Created created = Users.of(api, OWNER_KEY).create();
        String code = api.post("/api/v1/users/" + created.id() + "/link-codes", OWNER_KEY, "")
                .get("code");
        String trigger = id();
        command(user, "D" + id(), "link " + code, trigger);
        assertThat(awaitResponse(trigger).get("text").toString()).contains("Welcome");
        return user;
    }

    static Map<String, String> commandFields(String user, String channel, String text, String trigger) {
        String json = SignedRequests.fixture(
                "slash_command.json",
                Map.of(
                        "USER",
                        user,
                        "CHANNEL",
                        channel,
                        "TEXT",
                        text,
                        "TRIGGER",
                        trigger,
                        "RESPONSE_URL",
                        SLACK.responseUrl(trigger)));
        try {
            return JSON.readValue(json, Argument.mapOf(String.class, String.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<String> command(String user, String channel, String text, String trigger) {
        return slack.form(SignedRequests.form(commandFields(user, channel, text, trigger)));
    }

    HttpResponse<String> event(
            String fixture, String user, String chat, String text, String eventId, Map<String, String> headers) {
        return slack.json(
                SignedRequests.fixture(
                        fixture, Map.of("USER", user, "CHANNEL", chat, "TEXT", text, "EVENT_ID", eventId)),
                headers);
    }

    Map<String, Object> awaitResponse(String id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !SLACK.responses(id).isEmpty());
        return read(SLACK.responses(id).getFirst().body());
    }

    List<FakeSlack.Call> posts(String chat) {
        return SLACK.calls(c ->
                c.method().equals("chat.postMessage") && chat.equals(c.params().get("channel")));
    }

    List<FakeSlack.Call> awaitPosts(String chat, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> posts(chat).size() >= count);
        return posts(chat);
    }

    long inbox(String eventId) {
        return tx.executeRead(status -> jdbc.prepareStatement(
                "SELECT count(*) FROM inbox WHERE channel = 'slack' AND event_id = ?", statement -> {
                    statement.setString(1, eventId);
                    try (var rows = statement.executeQuery()) {
                        rows.next();
                        return rows.getLong(1);
                    }
                }));
    }

    String inboxText(String eventId) {
        return tx.executeRead(status ->
                jdbc.prepareStatement("SELECT kind || ' ' || text FROM inbox WHERE event_id = ?", statement -> {
                    statement.setString(1, eventId);
                    try (var rows = statement.executeQuery()) {
                        return rows.next() ? rows.getString(1) : "(none)";
                    }
                }));
    }

    long inboxRows() {
        return tx.executeRead(status -> jdbc.prepareStatement("SELECT count(*) FROM inbox", statement -> {
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }));
    }

    static Map<String, Object> read(String json) {
        try {
            return JSON.readValue(json, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }

    static String JSON(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String id() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    /** Notifies a new person linked on Slack and returns their Slack user id. */
    String notifyNewPerson(String name, Reply reply) {
        String user = "U" + id();
        Actor person = LinkedUsers.link(context, "slack", user, name);
        boolean reachable = tx.executeWrite(status -> notifier.notify(person.tenantId(), person.userId(), reply));
        assertThat(reachable).isTrue();
        return user;
    }

    @Test
    void a_notification_is_posted_into_the_apps_direct_message_with_the_person() {
        Reply reply = Reply.text("You have a *new task*")
                .withCard(new Reply.Card(
                        "Call Acme",
                        List.of(new Reply.Field("Due", "tomorrow")),
                        List.of(new Reply.Button("Done", "task done 42", Reply.Button.Style.PRIMARY))));
        String user = notifyNewPerson("Nora Notified", reply);

        FakeSlack.Call post = awaitPosts(FakeSlack.dmChannel(user), 1).getFirst();
        assertThat(SLACK.calls("conversations.open"))
                .anySatisfy(open -> assertThat(open.params()).containsEntry("users", user));
        assertThat(post.params().get("text")).contains("You have a *new task*");
        assertThat(post.params().get("blocks"))
                .contains("\"type\":\"header\"", "Call Acme", "*Due*", "\"value\":\"task done 42\"");
        assertThat(post.params()).doesNotContainKey("thread_ts");
        assertThat(SLACK.calls("chat.postMessage"))
                .noneSatisfy(c -> assertThat(c.params().get("channel")).startsWith("@"));
    }

    @Test
    void a_notification_answered_with_429_and_then_500_is_retried_until_it_arrives() {
        SLACK.throttleNext("/api/chat.postMessage", 1);
        SLACK.failNext("/api/chat.postMessage", 500);
        String user = notifyNewPerson("Rita Retry", Reply.text("Reminder: call Acme"));

        List<FakeSlack.Call> posts = awaitPosts(FakeSlack.dmChannel(user), 3);
        assertThat(posts).extracting(c -> c.params().get("text")).containsOnly("Reminder: call Acme");
        assertThat(SLACK.calls("conversations.open").stream()
                        .filter(open -> user.equals(open.params().get("users"))))
                .hasSize(1); // the DM channel is remembered across retries
    }
}
