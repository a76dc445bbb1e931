package dev.alfred.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.alfred.channel.Delivery;
import dev.alfred.channel.InboundSink;
import dev.alfred.testing.AlfredProperties;
import dev.alfred.testing.FakeChannel;
import dev.alfred.testing.TestDatabase;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Replies handed from the dispatcher straight to the sender, with no outbox worker running: they arrive when
 * their chat's outbox lane is free, and never overtake a reply that waits in it.
 */
class OutboxHandOverTest {

    ApplicationContext context;
    InboundSink inbox;
    FakeChannel channel;

    @BeforeEach
    void start() {
        Map<String, Object> properties = new HashMap<>(TestDatabase.freshDatabase());
        properties.put("alfred.bootstrap.api-key", AlfredProperties.OWNER_KEY);
        String[] settings = ConversationFixture.settings("alfred.outbox.workers", "0");
        for (int i = 0; i + 1 < settings.length; i += 2) {
            properties.put(settings[i], settings[i + 1]);
        }
        context = ApplicationContext.run(properties);
        new ConversationFixture(context).linkedUser("hand-user");
        inbox = context.getBean(InboundSink.class);
        channel = context.getBean(FakeChannel.class);
    }

    @AfterEach
    void stop() {
        context.close();
    }

    /** Whether the chat's outbox lane is given back: its replies recorded, its hand-over slot free again. */
    private boolean released(String chat) {
        return "true"
                .equals(new ConversationFixture(context)
                        .firstValue("SELECT (lease_owner IS NULL)::text FROM queue_lane"
                                + " WHERE queue = 'outbox' AND chat = '" + chat + "'"));
    }

    @Test
    void a_reply_in_a_free_lane_is_sent_without_an_outbox_worker() {
        for (int i = 0; i < 3; i++) {
            inbox.accept(ConversationFixture.text("hand-user", "chat-free", "m" + i));
            String expected = "echo: m" + i;
            await().until(() -> channel.deliveredTexts("chat-free").contains(expected));
            await().until(() -> released("chat-free"));
        }
        assertThat(channel.deliveredTexts("chat-free")).containsExactly("echo: m0", "echo: m1", "echo: m2");
    }

    @Test
    void the_replies_to_messages_handled_together_are_handed_over_together() {
        // A lease held elsewhere keeps the chat's messages waiting, so that the dispatcher then takes them up at once.
        ConversationFixture fixture = new ConversationFixture(context);
        fixture.execute("""
                INSERT INTO queue_lane (queue, bot, channel, chat, pending, lease_owner, lease_until)
                VALUES ('inbox', 'alfred', 'fake', 'chat-many', 0, gen_random_uuid(), now() + interval '1 hour')""");
        for (int i = 0; i < 3; i++) {
            inbox.accept(ConversationFixture.text("hand-user", "chat-many", "m" + i));
        }
        fixture.execute("UPDATE queue_lane SET lease_owner = NULL, lease_until = NULL WHERE chat = 'chat-many'");

        await().until(() -> channel.deliveredTexts("chat-many").size() == 3 && released("chat-many"));
        assertThat(channel.deliveredTexts("chat-many")).containsExactly("echo: m0", "echo: m1", "echo: m2");
        // Recorded as sent together, each counted once in its lane.
        assertThat(fixture.firstValue(
                        "SELECT string_agg(status, ',' ORDER BY id) FROM outbox WHERE chat = 'chat-many'"))
                .isEqualTo("sent,sent,sent");
        assertThat(fixture.firstValue(
                        "SELECT pending::text FROM queue_lane WHERE queue = 'outbox' AND chat = 'chat-many'"))
                .isEqualTo("0");
    }

    @Test
    void a_reply_is_not_handed_over_past_one_that_waits_in_its_lane() {
        channel.script(new Delivery.RetryAfter(Duration.ofSeconds(30), "slow down"));
        inbox.accept(ConversationFixture.text("hand-user", "chat-busy", "first"));
        await().until(() -> channel.attempts().size() == 1 && released("chat-busy")); // throttled: it waits

        inbox.accept(ConversationFixture.text("hand-user", "chat-other", "elsewhere"));
        await().until(() ->
                channel.deliveredTexts("chat-other").equals(List.of("echo: elsewhere"))); // other chats still go

        inbox.accept(ConversationFixture.text("hand-user", "chat-busy", "second"));
        await().during(Duration.ofSeconds(1)).until(() -> channel.attempts().size() == 2);
        assertThat(channel.deliveredTexts("chat-busy")).isEmpty();
    }
}
