package dev.alfred.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.alfred.channel.InboundSink;
import dev.alfred.testing.AlfredProperties;
import dev.alfred.testing.FakeChannel;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Sends to one chat are spaced by the configured per-chat rate; other chats are not held back by it. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitTest implements TestPropertyProvider {

    @Inject
    ApplicationContext context;

    @Inject
    InboundSink inbox;

    @Inject
    FakeChannel channel;

    @Override
    public Map<String, String> getProperties() {
        return AlfredProperties.fresh(ConversationFixture.settings(
                "alfred.channels.fake.per-chat-rate", "4",
                "alfred.channels.fake.group-chat-rate", "1",
                "alfred.channels.fake.global-rate", "1000"));
    }

    @Test
    void a_chat_gets_at_most_its_rate_and_other_chats_go_on() {
        new ConversationFixture(context).linkedUser("rate-user");
        for (int i = 0; i < 12; i++) {
            inbox.accept(ConversationFixture.text("rate-user", "slow-chat", "m" + i));
        }
        for (int i = 0; i < 4; i++) {
            inbox.accept(ConversationFixture.text("rate-user", "chat-" + i, "other"));
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> channel.delivered().size() == 16);

        List<FakeChannel.Attempt> slow = channel.delivered().stream()
                .filter(a -> a.message().chat().equals("slow-chat"))
                .toList();
        // 4 per second with a burst of 4: the 12th send comes at least 2 seconds after the first.
        assertThat(Duration.between(slow.getFirst().at(), slow.getLast().at()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        FakeChannel.Attempt lastOther = channel.delivered().stream()
                .filter(a -> !a.message().chat().equals("slow-chat"))
                .reduce((a, b) -> b)
                .orElseThrow();
        assertThat(lastOther.at()).isBefore(slow.getLast().at());
    }

    @Test
    void a_group_chat_gets_its_own_tighter_rate() {
        new ConversationFixture(context).linkedUser("group-user");
        for (int i = 0; i < 4; i++) {
            inbox.accept(ConversationFixture.text("group-user", "group-team", "g" + i));
            inbox.accept(ConversationFixture.text("group-user", "private-chat", "p" + i));
        }
        await().atMost(Duration.ofSeconds(15))
                .until(() ->
                        sent("group-team").size() == 4 && sent("private-chat").size() == 4);

        // One per second in the group: the 4th send at least 3 seconds after the 1st; the private
        // chat's 4 fit its burst of 4.
        List<FakeChannel.Attempt> group = sent("group-team");
        assertThat(Duration.between(group.getFirst().at(), group.getLast().at()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(2900));
        List<FakeChannel.Attempt> direct = sent("private-chat");
        assertThat(direct.getLast().at()).isBefore(group.getLast().at());
    }

    private List<FakeChannel.Attempt> sent(String chat) {
        return channel.delivered().stream()
                .filter(a -> a.message().chat().equals(chat))
                .toList();
    }
}
