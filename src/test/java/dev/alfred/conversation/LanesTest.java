package dev.alfred.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which lanes a claim takes, on an instance whose workers are off, so that only the test claims. Each claim runs on
 * its own, as the workers run it, so a lane it leased is leased to the next one.
 */
class LanesTest {

    ApplicationContext context;
    InboxStore inbox;
    TransactionOperations<Connection> tx;

    @BeforeEach
    void start() {
        context = ConversationFixture.withoutWorkers();
        inbox = context.getBean(InboxStore.class);
        tx = new ConversationFixture(context).tx();
    }

    @AfterEach
    void stop() {
        context.close();
    }

    @Test
    void a_claim_takes_the_lanes_served_longest_ago_first_and_never_a_leased_one() {
        new ConversationFixture(context).execute("""
                INSERT INTO queue_lane (queue, bot, channel, chat, pending, served_at, lease_until) VALUES
                    ('inbox', 'alfred', 'fake', 'served-just-now', 1, now(), NULL),
                    ('inbox', 'alfred', 'fake', 'never-served', 1, NULL, NULL),
                    ('inbox', 'alfred', 'fake', 'served-an-hour-ago', 2, now() - interval '1 hour', NULL),
                    ('inbox', 'alfred', 'fake', 'served-a-minute-ago', 1, now() - interval '1 minute', NULL),
                    ('inbox', 'alfred', 'fake', 'leased', 1, now() - interval '2 hours', now() + interval '1 minute'),
                    ('inbox', 'alfred', 'fake', 'idle', 0, now() - interval '3 hours', NULL)""");

        assertThat(claim(3)).containsExactlyInAnyOrder("never-served", "served-an-hour-ago", "served-a-minute-ago");
        assertThat(claim(3)).containsExactly("served-just-now");
        assertThat(claim(3)).isEmpty();
    }

    private List<String> claim(int limit) {
        return tx.execute(Lanes.ON_ITS_OWN, status -> inbox.claim(limit, Duration.ofMinutes(1), 4)).keySet().stream()
                .map(Lanes.Lane::chat)
                .toList();
    }
}
