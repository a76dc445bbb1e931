package dev.alfred.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alfred.channel.Outbound;
import dev.alfred.channel.Reply;
import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What storing a lane's answers leaves behind, on an instance whose workers are off, so that only the test claims
 * and stores. Events are stored and claimed on their own, as the inbox writer and the workers do.
 */
class AnswersTest {

    private static final Duration LEASE = Duration.ofMinutes(1);

    ApplicationContext context;
    ConversationFixture fixture;
    InboxStore inbox;
    Answers answers;
    TransactionOperations<Connection> tx;

    @BeforeEach
    void start() {
        context = ConversationFixture.withoutWorkers();
        fixture = new ConversationFixture(context);
        inbox = context.getBean(InboxStore.class);
        answers = context.getBean(Answers.class);
        tx = fixture.tx();
    }

    @AfterEach
    void stop() {
        context.close();
    }

    @Test
    void the_replies_of_a_free_chat_are_handed_over_in_order_with_their_stored_ids() {
        Map.Entry<Lanes.Lane, List<InboxStore.Pending>> claimed = claim("one", "two");
        Lanes.Lane replies = OutboxStore.laneOf(claimed.getValue().getFirst().event());

        Answers.Stored stored = store(claimed, replies, "1a", "1b");

        assertThat(stored.released()).isEqualTo(Answers.Released.EMPTY);
        assertThat(stored.handOver()).isPresent();
        assertThat(stored.handOver().get().messages())
                .extracting(message -> message.reply().text())
                .containsExactly("one: 1a", "one: 1b", "two: 1a", "two: 1b");
        assertThat(stored.handOver().get().messages())
                .extracting(Outbound::id)
                .containsExactlyElementsOf(List.of(idOf("one: 1a"), idOf("one: 1b"), idOf("two: 1a"), idOf("two: 1b")));
        assertThat(fixture.firstValue("SELECT string_agg(status, ',' ORDER BY id) FROM inbox"))
                .isEqualTo("done,done");
        assertThat(fixture.firstValue("SELECT pending || ' ' || (lease_owner = '" + replies.owner()
                        + "') FROM queue_lane WHERE queue = 'outbox'"))
                .isEqualTo("4 true");
        assertThat(fixture.firstValue(
                        "SELECT pending || ' ' || (lease_owner IS NULL) FROM queue_lane WHERE queue = 'inbox'"))
                .isEqualTo("0 true");
    }

    @Test
    void replies_behind_others_in_their_lane_are_queued_but_not_handed_over() {
        Map.Entry<Lanes.Lane, List<InboxStore.Pending>> claimed = claim("one");
        fixture.execute("""
                INSERT INTO queue_lane (queue, bot, channel, chat, pending) VALUES ('outbox', 'alfred', 'fake', 'chat', 1)""");

        Answers.Stored stored =
                store(claimed, OutboxStore.laneOf(claimed.getValue().getFirst().event()), "1a");

        assertThat(stored.handOver()).isEmpty();
        assertThat(fixture.firstValue(
                        "SELECT pending || ' ' || (lease_owner IS NULL) FROM queue_lane WHERE queue = 'outbox'"))
                .isEqualTo("2 true");
    }

    @Test
    void a_message_that_arrived_while_the_lane_was_held_is_reported_waiting() {
        Map.Entry<Lanes.Lane, List<InboxStore.Pending>> claimed = claim("one");
        insert("later");

        assertThat(store(claimed, null, "1a").released()).isEqualTo(Answers.Released.MORE_WAITING);
        assertThat(fixture.firstValue("SELECT pending::text FROM queue_lane WHERE queue = 'inbox'"))
                .isEqualTo("1");
    }

    @Test
    void a_worker_whose_lease_was_taken_over_reports_it_and_stores_nothing() {
        Map.Entry<Lanes.Lane, List<InboxStore.Pending>> claimed = claim("one");
        fixture.execute("UPDATE queue_lane SET lease_owner = gen_random_uuid() WHERE queue = 'inbox'");

        assertThat(store(claimed, null, "1a").released()).isEqualTo(Answers.Released.LEASE_LOST);
        // The dispatcher rolls its transaction back on a lost lease; what the statement changed is undone with it.
        assertThat(fixture.firstValue("SELECT count(*)::text FROM inbox WHERE status = 'pending'"))
                .isEqualTo("1");
        assertThat(fixture.firstValue("SELECT count(*)::text FROM outbox")).isEqualTo("0");
    }

    private void insert(String... texts) {
        tx.execute(
                Lanes.ON_ITS_OWN,
                status -> inbox.insert(List.of(texts).stream()
                        .map(text -> ConversationFixture.text("user", "chat", text))
                        .toList()));
    }

    private Map.Entry<Lanes.Lane, List<InboxStore.Pending>> claim(String... texts) {
        insert(texts);
        return tx.execute(Lanes.ON_ITS_OWN, status -> inbox.claim(1, LEASE, 4))
                .entrySet()
                .iterator()
                .next();
    }

    /** Stores each row's replies, named after the row's text; rolled back if the lease was lost. */
    private Answers.Stored store(
            Map.Entry<Lanes.Lane, List<InboxStore.Pending>> claimed, Lanes.@Nullable Lane replies, String... suffixes) {
        List<Answers.Answer> answered = claimed.getValue().stream()
                .map(row -> new Answers.Answer(
                        row,
                        null,
                        List.of(suffixes).stream()
                                .map(suffix -> Reply.text(row.event().text() + ": " + suffix))
                                .toList()))
                .toList();
        return tx.executeWrite(status -> {
            Answers.Stored stored = answers.store(claimed.getKey(), answered, replies, LEASE);
            if (stored.released() == Answers.Released.LEASE_LOST) {
                status.setRollbackOnly();
            }
            return stored;
        });
    }

    private long idOf(String text) {
        return Long.parseLong(fixture.firstValue("SELECT id::text FROM outbox WHERE reply->>'text' = '" + text + "'"));
    }
}
