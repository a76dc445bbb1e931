package dev.alfred.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.alfred.channel.Inbound;
import dev.alfred.channel.InboundSink;
import dev.alfred.testing.AlfredProperties;
import dev.alfred.testing.EchoResponder;
import dev.alfred.testing.FakeChannel;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lanes of one claim handled together, on an instance with a single worker: while it is held up by a message in
 * one chat, messages pile up in others, and its next claim takes them all.
 */
class ClaimTogetherTest {

    ApplicationContext context;
    ConversationFixture fixture;
    InboundSink inbox;
    FakeChannel channel;

    @BeforeEach
    void start() {
        context = ApplicationContext.run(new HashMap<String, Object>(
                AlfredProperties.fresh(ConversationFixture.settings("alfred.dispatcher.workers", "1"))));
        fixture = new ConversationFixture(context);
        fixture.linkedUser("user");
        inbox = context.getBean(InboundSink.class);
        channel = context.getBean(FakeChannel.class);
    }

    @AfterEach
    void stop() {
        context.close();
    }

    @Test
    void chats_claimed_together_are_answered_once_each_in_one_transaction() throws InterruptedException {
        whileBlocked(() -> List.of("b", "c", "d").forEach(chat -> send(chat, chat + "1")));

        for (String chat : List.of("b", "c", "d")) {
            await().until(() -> channel.deliveredTexts(chat).size() == 1);
            assertThat(channel.deliveredTexts(chat)).containsExactly("echo: " + chat + "1");
        }
        // A row version's xmin is the transaction that wrote it: here, the one that marked the rows done.
        assertThat(fixture.firstValue(
                        "SELECT count(DISTINCT xmin::text)::text FROM inbox WHERE chat IN ('b', 'c', 'd')"))
                .isEqualTo("1");
    }

    @Test
    void a_message_that_fails_in_one_chat_of_a_claim_holds_no_other_chat_back() throws InterruptedException {
        whileBlocked(() -> {
            send("a", "crash");
            send("b", "b1");
            send("c", "c1");
        });

        await().atMost(Duration.ofSeconds(20))
                .until(() -> channel.deliveredTexts("a").size() == 2);
        await().during(Duration.ofMillis(300))
                .until(() -> channel.deliveredTexts("a").size() == 2);
        assertThat(channel.deliveredTexts("a"))
                .containsExactly("echo: block", "Sorry, I could not handle that message. The team has been told.");
        assertThat(channel.deliveredTexts("b")).containsExactly("echo: b1");
        assertThat(channel.deliveredTexts("c")).containsExactly("echo: c1");
    }

    @Test
    void the_history_of_a_chats_messages_handled_together_keeps_their_order_and_a_refusal_among_them_loses_none()
            throws InterruptedException {
        whileBlocked(() -> List.of("b1", "b2", "refuse", "b3").forEach(text -> send("b", text)));

        await().until(() -> channel.deliveredTexts("b").size() == 4);
        assertThat(channel.deliveredTexts("b"))
                .containsExactly("echo: b1", "echo: b2", "refused, as asked", "echo: b3");
        assertThat(fixture.firstValue("""
                        SELECT string_agg(m.role || ' ' || m.text, ' | ' ORDER BY m.id)
                        FROM conversation c JOIN conversation_message m ON m.conversation_id = c.id
                        WHERE c.chat = 'b' AND c.ended_at IS NULL"""))
                .isEqualTo("user b1 | assistant echo: b1 | user b2 | assistant echo: b2"
                        + " | user refuse | assistant refused, as asked | user b3 | assistant echo: b3");
        assertThat(fixture.firstValue("SELECT count(*)::text FROM conversation WHERE chat = 'b'"))
                .isEqualTo("1");
        assertThat(fixture.firstValue("SELECT count(DISTINCT xmin::text)::text FROM inbox WHERE chat = 'b'"))
                .isEqualTo("1");
    }

    @Test
    void an_account_linked_by_one_message_is_known_to_the_next_handled_with_it() throws InterruptedException {
        String code = fixture.linkCode("Newcomer");
        whileBlocked(() -> {
            inbox.accept(ConversationFixture.event(
                    UUID.randomUUID().toString(), "newcomer", "b", Inbound.Kind.COMMAND, "link " + code));
            inbox.accept(ConversationFixture.text("newcomer", "b", "hello"));
            send("c", "c1");
        });

        await().until(() -> channel.deliveredTexts("b").size() == 2);
        assertThat(channel.deliveredTexts("b").getFirst()).startsWith("Welcome, Newcomer!");
        assertThat(channel.deliveredTexts("b").get(1)).isEqualTo("echo: hello");
        await().until(() -> channel.deliveredTexts("c").size() == 1);
        assertThat(fixture.firstValue("SELECT count(DISTINCT xmin::text)::text FROM inbox WHERE chat IN ('b', 'c')"))
                .isEqualTo("1");
    }

    /** Sends {@code block} to chat {@code a}, runs {@code meanwhile} while the only worker waits in it, then lets go. */
    private void whileBlocked(Runnable meanwhile) throws InterruptedException {
        EchoResponder.gate = new CountDownLatch(1);
        EchoResponder.blocked = new CountDownLatch(1);
        try {
            send("a", "block");
            assertThat(EchoResponder.blocked.await(10, TimeUnit.SECONDS)).isTrue();
            meanwhile.run();
        } finally {
            EchoResponder.gate.countDown();
        }
    }

    private void send(String chat, String text) {
        inbox.accept(ConversationFixture.text("user", chat, text));
    }
}
