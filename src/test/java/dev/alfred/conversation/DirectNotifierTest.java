package dev.alfred.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.alfred.channel.Reply;
import dev.alfred.identity.Actor;
import dev.alfred.testing.AlfredProperties;
import dev.alfred.testing.FakeChannel;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Notifications reach a linked person's direct chat once committed, and report unreachable people. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectNotifierTest implements TestPropertyProvider {

    @Inject
    ApplicationContext context;

    @Inject
    Notifier notifier;

    @Inject
    FakeChannel channel;

    @Inject
    TransactionOperations<Connection> transactions;

    @Override
    public Map<String, String> getProperties() {
        return AlfredProperties.fresh(ConversationFixture.settings());
    }

    @Test
    void aLinkedPersonIsNotifiedInTheirDirectChat() {
        Actor bob = new ConversationFixture(context).linkedUser("bob-1");

        boolean reachable = transactions.executeWrite(
                status -> notifier.notify(bob.tenantId(), bob.userId(), Reply.text("You have a new task")));

        assertThat(reachable).isTrue();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> channel.delivered().stream()
                        .anyMatch(attempt -> attempt.message().isDirect()
                                && attempt.message().directUser().equals("bob-1")
                                && attempt.message().reply().text().equals("You have a new task")));
    }

    @Test
    void aNotificationRolledBackWithItsTransactionIsNeverSent() {
        Actor carol = new ConversationFixture(context).linkedUser("carol-1");
        try {
            transactions.executeWrite(status -> {
                notifier.notify(carol.tenantId(), carol.userId(), Reply.text("never"));
                throw new IllegalStateException("roll back");
            });
        } catch (IllegalStateException expected) {
            // the notification must vanish with its transaction
        }
        await().during(Duration.ofMillis(500))
                .until(() -> channel.attempts().stream()
                        .noneMatch(attempt -> attempt.message().reply().text().equals("never")));
    }

    @Test
    void someoneWithoutALinkedAccountCannotBeReached() {
        Actor bob = new ConversationFixture(context).linkedUser("bob-2");
        boolean reachable = transactions.executeWrite(
                status -> notifier.notify(bob.tenantId(), UUID.randomUUID(), Reply.text("nobody")));
        assertThat(reachable).isFalse();
    }
}
