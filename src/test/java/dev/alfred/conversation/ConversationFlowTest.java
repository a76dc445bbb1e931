package dev.alfred.conversation;

import static dev.alfred.testing.AlfredProperties.OWNER_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.alfred.channel.Delivery;
import dev.alfred.channel.Inbound;
import dev.alfred.channel.InboundSink;
import dev.alfred.testing.AlfredProperties;
import dev.alfred.testing.ApiClient;
import dev.alfred.testing.EchoResponder;
import dev.alfred.testing.FakeChannel;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The conversation core through a fake channel: de-duplication, order, throttling, retries, dead letters. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConversationFlowTest implements TestPropertyProvider {

    @Inject
    ApplicationContext context;

    @Inject
    InboundSink inbox;

    @Inject
    FakeChannel channel;

    @Inject
    EmbeddedServer server;

    @Inject
    JdbcOperations jdbc;

    @Inject
    TransactionOperations<Connection> tx;

    @Override
    public Map<String, String> getProperties() {
        return AlfredProperties.fresh(ConversationFixture.settings());
    }

    @BeforeEach
    void resetChannel() {
        channel.reset();
    }

    @Test
    void an_unlinked_user_gets_link_instructions_and_links_with_a_code() {
        String chat = "chat-" + UUID.randomUUID();
        inbox.accept(ConversationFixture.text("stranger", chat, "hello"));
        await().until(() -> channel.deliveredTexts(chat).size() == 1);
        assertThat(channel.deliveredTexts(chat).getFirst()).contains("/link CODE");

        var fixture = new ConversationFixture(context);
        var actor = fixture.linkedUser("newcomer");
        inbox.accept(ConversationFixture.event(
                UUID.randomUUID().toString(), "newcomer", chat, Inbound.Kind.COMMAND, "whoami"));
        await().until(() -> channel.deliveredTexts(chat).size() == 2);
        assertThat(channel.deliveredTexts(chat).get(1)).contains(actor.name());
    }

    @Test
    void a_refused_command_is_answered_with_the_reason() {
        String chat = "chat-" + UUID.randomUUID();
        inbox.accept(ConversationFixture.event(
                UUID.randomUUID().toString(), "guesser", chat, Inbound.Kind.COMMAND, "link WRONG123"));
        await().until(() -> channel.deliveredTexts(chat).size() == 1);
        assertThat(channel.deliveredTexts(chat).getFirst()).contains("unknown, used or expired");

        var fixture = new ConversationFixture(context);
        fixture.linkedUser("taken");
        var owner = context.getBean(dev.alfred.identity.ApiKeyService.class)
                .authenticate(OWNER_KEY)
                .orElseThrow();
        var links = context.getBean(dev.alfred.identity.LinkCodeService.class);
        var other = fixture.linkedUser("someone-else");
        String code = links.create(owner, other.userId()).code();
        inbox.accept(ConversationFixture.event(
                UUID.randomUUID().toString(), "taken", chat, Inbound.Kind.COMMAND, "link " + code));
        await().until(() -> channel.deliveredTexts(chat).size() == 2);
        assertThat(channel.deliveredTexts(chat).get(1)).contains("already linked to another user");
        // The refused link did not use the code up.
        inbox.accept(ConversationFixture.event(
                UUID.randomUUID().toString(), "fresh-account", chat, Inbound.Kind.COMMAND, "link " + code));
        await().until(() -> channel.deliveredTexts(chat).size() == 3);
        assertThat(channel.deliveredTexts(chat).get(2)).contains("Welcome");
    }

    @Test
    void the_same_event_delivered_three_times_is_answered_once() {
        new ConversationFixture(context).linkedUser("dup-user");
        String chat = "chat-" + UUID.randomUUID();
        Inbound event = ConversationFixture.event("evt-dup-1", "dup-user", chat, Inbound.Kind.TEXT, "once");
        assertThat(inbox.accept(event)).isTrue();
        assertThat(inbox.accept(event)).isFalse();
        assertThat(inbox.accept(event)).isFalse();
        await().until(() -> channel.deliveredTexts(chat).size() == 1);
        await().during(Duration.ofMillis(500))
                .until(() -> channel.deliveredTexts(chat).size() == 1);
        assertThat(channel.deliveredTexts(chat)).containsExactly("echo: once");
    }

    @Test
    void concurrent_deliveries_stored_together_are_answered_once_each_and_a_bad_one_fails_alone() throws Exception {
        new ConversationFixture(context).linkedUser("burst-user");
        String chat = "chat-" + UUID.randomUUID();
        Inbound repeated = ConversationFixture.event("evt-burst-dup", "burst-user", chat, Inbound.Kind.TEXT, "dup");
        List<Callable<Boolean>> deliveries = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Inbound distinct = ConversationFixture.text("burst-user", chat, "b" + i);
            deliveries.add(() -> inbox.accept(distinct));
            deliveries.add(() -> inbox.accept(repeated));
        }
        // PostgreSQL refuses a NUL in text: the statement shared with the others fails, and only this one may.
        Inbound poisoned = ConversationFixture.text("burst-user", chat, "nul \u0000 here");
        deliveries.add(() -> inbox.accept(poisoned));

        List<Future<Boolean>> outcomes;
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            outcomes = senders.invokeAll(deliveries);
        }
        int stored = 0;
        int failed = 0;
        for (Future<Boolean> outcome : outcomes) {
            try {
                stored += outcome.get() ? 1 : 0;
            } catch (ExecutionException e) {
                failed++;
            }
        }
        assertThat(failed).isEqualTo(1);
        assertThat(stored).isEqualTo(41);
        await().until(() -> channel.deliveredTexts(chat).size() == 41);
        await().during(Duration.ofMillis(300))
                .until(() -> channel.deliveredTexts(chat).size() == 41);
        assertThat(channel.deliveredTexts(chat)).containsOnlyOnce("echo: dup").doesNotContain("echo: nul \u0000 here");
        await().until(() -> pending(chat).equals(List.of(0, 0)));
    }

    @Test
    void a_chats_messages_are_answered_in_order() {
        new ConversationFixture(context).linkedUser("order-user");
        String chat = "chat-" + UUID.randomUUID();
        for (int i = 0; i < 10; i++) {
            inbox.accept(ConversationFixture.text("order-user", chat, "m" + i));
        }
        await().until(() -> channel.deliveredTexts(chat).size() == 10);
        assertThat(channel.deliveredTexts(chat))
                .containsExactly(
                        "echo: m0",
                        "echo: m1",
                        "echo: m2",
                        "echo: m3",
                        "echo: m4",
                        "echo: m5",
                        "echo: m6",
                        "echo: m7",
                        "echo: m8",
                        "echo: m9");
    }

    @Test
    void a_message_that_fails_among_others_in_its_chat_stops_only_itself() throws InterruptedException {
        new ConversationFixture(context).linkedUser("crash-user");
        String chat = "chat-" + UUID.randomUUID();
        EchoResponder.gate = new CountDownLatch(1);
        EchoResponder.blocked = new CountDownLatch(1);
        try {
            inbox.accept(ConversationFixture.text("crash-user", chat, "block"));
            assertThat(EchoResponder.blocked.await(10, TimeUnit.SECONDS)).isTrue();
            // Queued behind the blocked one, so that the dispatcher takes them up together.
            for (String text : List.of("before", "crash", "after")) {
                inbox.accept(ConversationFixture.text("crash-user", chat, text));
            }
        } finally {
            EchoResponder.gate.countDown();
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() -> channel.deliveredTexts(chat).size() == 4);
        await().during(Duration.ofMillis(300))
                .until(() -> channel.deliveredTexts(chat).size() == 4);
        assertThat(channel.deliveredTexts(chat))
                .containsExactly(
                        "echo: block",
                        "echo: before",
                        "Sorry, I could not handle that message. The team has been told.",
                        "echo: after");
    }

    @Test
    void commands_join_the_history_of_the_open_conversation_and_reset_starts_a_new_one() {
        new ConversationFixture(context).linkedUser("history-user");
        String chat = "chat-" + UUID.randomUUID();
        for (String text : List.of("/whoami", "/whoami", "/reset", "/whoami")) {
            int before = channel.deliveredTexts(chat).size();
            inbox.accept(ConversationFixture.event(
                    UUID.randomUUID().toString(), "history-user", chat, Inbound.Kind.COMMAND, text));
            await().until(() -> channel.deliveredTexts(chat).size() == before + 1);
        }
        // Per conversation, oldest first: its messages' roles and texts.
        List<String> history = tx.executeRead(status -> jdbc.prepareStatement("""
                SELECT c.ended_at IS NULL, m.role, m.text FROM conversation c
                JOIN conversation_message m ON m.conversation_id = c.id
                WHERE c.chat = ? ORDER BY c.started_at, m.id""", statement -> {
            statement.setString(1, chat);
            List<String> rows = new ArrayList<>();
            try (var result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add((result.getBoolean(1) ? "open " : "ended ") + result.getString(2) + " "
                            + result.getString(3).lines().findFirst().orElse(""));
                }
            }
            return rows;
        }));
        assertThat(history).hasSize(8);
        assertThat(history.subList(0, 6))
                .allMatch(row -> row.startsWith("ended "))
                .contains("ended user /reset", "ended assistant Started a new conversation.");
        assertThat(history.subList(6, 8)).first().isEqualTo("open user /whoami");
        assertThat(history.get(7)).startsWith("open assistant You are");
    }

    @Test
    void a_refusal_that_undid_the_start_of_a_conversation_still_joins_the_history() {
        new ConversationFixture(context).linkedUser("refused-user");
        String chat = "chat-" + UUID.randomUUID();
        inbox.accept(ConversationFixture.text("refused-user", chat, "refuse"));
        await().until(() -> channel.deliveredTexts(chat).size() == 1);
        assertThat(channel.deliveredTexts(chat)).containsExactly("refused, as asked");
        Integer messages = tx.executeRead(status -> jdbc.prepareStatement("""
                SELECT count(*) FROM conversation c JOIN conversation_message m ON m.conversation_id = c.id
                WHERE c.chat = ? AND c.ended_at IS NULL""", statement -> {
            statement.setString(1, chat);
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }));
        assertThat(messages).isEqualTo(2);
    }

    @Test
    void lanes_whose_counts_drifted_are_recounted_and_the_chat_is_answered_again() {
        new ConversationFixture(context).linkedUser("drift-user");
        String chat = "chat-" + UUID.randomUUID();
        new ConversationFixture(context).execute("""
                INSERT INTO queue_lane (queue, bot, channel, chat, pending)
                VALUES ('inbox', 'alfred', 'fake', '%1$s', 3), ('outbox', 'alfred', 'fake', '%1$s', 2)""".formatted(chat));
        await().until(() -> pending(chat).equals(List.of(0, 0)));

        inbox.accept(ConversationFixture.text("drift-user", chat, "after the repair"));
        await().until(() -> channel.deliveredTexts(chat).size() == 1);
        assertThat(channel.deliveredTexts(chat)).containsExactly("echo: after the repair");
        await().until(() -> pending(chat).equals(List.of(0, 0)));
    }

    @Test
    void idle_lanes_are_deleted_and_the_chats_next_message_is_answered() {
        new ConversationFixture(context).linkedUser("idle-user");
        String chat = "chat-" + UUID.randomUUID();
        inbox.accept(ConversationFixture.text("idle-user", chat, "first"));
        await().until(() -> channel.deliveredTexts(chat).size() == 1);
        await().until(() -> pending(chat).equals(List.of(0, 0)));
        String busy = "chat-" + UUID.randomUUID();
        new ConversationFixture(context).execute("""
                INSERT INTO queue_lane (queue, bot, channel, chat, pending, lease_until)
                VALUES ('inbox', 'alfred', 'fake', '%1$s', 0, now() + interval '1 hour')""".formatted(busy));

        tx.executeWrite(status -> context.getBean(Lanes.class).forgetIdle());

        assertThat(pending(chat)).isEmpty();
        assertThat(pending(busy)).containsExactly(0); // paused: kept
        inbox.accept(ConversationFixture.text("idle-user", chat, "second"));
        await().until(() -> channel.deliveredTexts(chat).size() == 2);
        assertThat(channel.deliveredTexts(chat)).containsExactly("echo: first", "echo: second");
        await().until(() -> pending(chat).equals(List.of(0, 0)));
    }

    /** The inbox's and the outbox's count of pending rows in the chat's lanes. */
    private List<Integer> pending(String chat) {
        return tx.executeRead(status ->
                jdbc.prepareStatement("SELECT pending FROM queue_lane WHERE chat = ? ORDER BY queue", statement -> {
                    statement.setString(1, chat);
                    List<Integer> counts = new ArrayList<>();
                    try (var rows = statement.executeQuery()) {
                        while (rows.next()) {
                            counts.add(rows.getInt(1));
                        }
                    }
                    return counts;
                }));
    }

    @Test
    void a_retry_after_is_honoured_and_the_reply_still_arrives() {
        new ConversationFixture(context).linkedUser("throttled-user");
        String chat = "chat-" + UUID.randomUUID();
        channel.script(new Delivery.RetryAfter(Duration.ofSeconds(1), "429"));
        inbox.accept(ConversationFixture.text("throttled-user", chat, "later"));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> channel.deliveredTexts(chat).size() == 1);
        List<FakeChannel.Attempt> attempts = channel.attempts().stream()
                .filter(a -> a.message().chat().equals(chat))
                .toList();
        assertThat(attempts).hasSize(2);
        assertThat(Duration.between(attempts.get(0).at(), attempts.get(1).at()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void a_server_error_is_retried_until_delivered() {
        new ConversationFixture(context).linkedUser("flaky-user");
        String chat = "chat-" + UUID.randomUUID();
        channel.script(new Delivery.Failed("HTTP 500", false), new Delivery.Failed("HTTP 502", false));
        inbox.accept(ConversationFixture.text("flaky-user", chat, "persist"));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> channel.deliveredTexts(chat).size() == 1);
        assertThat(channel.attempts().stream().filter(a -> a.message().chat().equals(chat)))
                .hasSize(3);
    }

    @Test
    void a_message_that_keeps_failing_becomes_a_dead_letter_and_can_be_retried() {
        new ConversationFixture(context).linkedUser("doomed-user");
        String chat = "chat-" + UUID.randomUUID();
        channel.otherwise(message -> new Delivery.Failed("HTTP 503", false));
        inbox.accept(ConversationFixture.text("doomed-user", chat, "lost?"));
        ApiClient api = new ApiClient(server.getURI());
        await().atMost(Duration.ofSeconds(5))
                .until(() -> api.get("/api/v1/outbox/dead", OWNER_KEY).body().contains("echo: lost?"));
        Map<String, Object> dead = api.get("/api/v1/outbox/dead", OWNER_KEY).list().stream()
                .filter(d -> d.get("chat").equals(chat))
                .findFirst()
                .orElseThrow();
        assertThat(dead).containsEntry("attempts", 3).containsEntry("lastError", "HTTP 503");

        channel.otherwise(message -> new Delivery.Sent("ok"));
        assertThat(api.post("/api/v1/outbox/dead/" + dead.get("id") + "/retry", OWNER_KEY, "")
                        .status())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> channel.deliveredTexts(chat).size() == 1);
        assertThat(api.get("/api/v1/outbox/dead", OWNER_KEY).body()).doesNotContain(chat);
        assertThat(api.post("/api/v1/outbox/dead/999999/retry", OWNER_KEY, "").status())
                .isEqualTo(404);
    }

    @Test
    void a_permanent_failure_is_dead_at_once() {
        new ConversationFixture(context).linkedUser("blocked-user");
        String chat = "chat-" + UUID.randomUUID();
        channel.script(new Delivery.Failed("bot was blocked by the user", true));
        inbox.accept(ConversationFixture.text("blocked-user", chat, "anyone?"));
        ApiClient api = new ApiClient(server.getURI());
        await().atMost(Duration.ofSeconds(5))
                .until(() -> api.get("/api/v1/outbox/dead", OWNER_KEY).body().contains(chat));
        assertThat(channel.attempts().stream().filter(a -> a.message().chat().equals(chat)))
                .hasSize(1);
    }

    @Test
    void health_lists_each_channel_and_stays_up() {
        ApiClient.Response health = new ApiClient(server.getURI()).get("/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("alfred/fake").contains("alfred/console");
    }
}
