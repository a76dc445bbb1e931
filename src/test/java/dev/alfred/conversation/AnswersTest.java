package dev.alfred.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.alfred.channel.Outbound;
import dev.alfred.channel.Reply;
import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.time.Duration;
import java.util.Comparator;
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

    @Test
    void the_lanes_of_a_claim_are_stored_in_one_statement_each_with_its_own_outcome() {
        insertIn("a", "a1", "a2");
        insertIn("b", "b1");
        insertIn("c", "c1");
        fixture.execute("""
                INSERT INTO queue_lane (queue, bot, channel, chat, pending) VALUES ('outbox', 'alfred', 'fake', 'b', 1)""");
        Map<Lanes.Lane, List<InboxStore.Pending>> claimed =
                tx.execute(Lanes.ON_ITS_OWN, status -> inbox.claim(3, LEASE, 4));
        // Against the order in which the lanes are locked, so that the outcomes must follow the input.
        List<Answers.LaneAnswers> lanes = claimed.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(
                        Comparator.comparing(Lanes.Lane::chat).reversed()))
                .map(lane -> new Answers.LaneAnswers(
                        lane.getKey(),
                        answers(lane.getValue(), "x"),
                        OutboxStore.laneOf(lane.getValue().getFirst().event())))
                .toList();

        List<Answers.Stored> stored = store(lanes);

        assertThat(lanes).extracting(lane -> lane.lane().chat()).containsExactly("c", "b", "a");
        assertThat(stored).extracting(Answers.Stored::released).containsOnly(Answers.Released.EMPTY);
        assertThat(stored.get(0).handOver().orElseThrow().messages())
                .extracting(Outbound::id, message -> message.reply().text())
                .containsExactly(tuple(idOf("c1: x"), "c1: x"));
        assertThat(stored.get(1).handOver()).isEmpty();
        assertThat(stored.get(2).handOver().orElseThrow().messages())
                .extracting(Outbound::id, message -> message.reply().text())
                .containsExactly(tuple(idOf("a1: x"), "a1: x"), tuple(idOf("a2: x"), "a2: x"));
        assertThat(fixture.firstValue("SELECT string_agg(DISTINCT status, ',') FROM inbox"))
                .isEqualTo("done");
        assertThat(fixture.firstValue("""
                        SELECT string_agg(queue || ' ' || chat || ' ' || pending || ' ' || (lease_owner IS NOT NULL), ', '
                                          ORDER BY queue, chat)
                        FROM queue_lane"""))
                .isEqualTo("inbox a 0 false, inbox b 0 false, inbox c 0 false,"
                        + " outbox a 2 true, outbox b 2 false, outbox c 1 true");
    }

    @Test
    void a_lease_lost_on_one_lane_of_a_claim_is_reported_for_that_lane() {
        insertIn("a", "a1");
        insertIn("b", "b1");
        Map<Lanes.Lane, List<InboxStore.Pending>> claimed =
                tx.execute(Lanes.ON_ITS_OWN, status -> inbox.claim(2, LEASE, 4));
        fixture.execute("UPDATE queue_lane SET lease_owner = gen_random_uuid() WHERE queue = 'inbox' AND chat = 'b'");
        List<Answers.LaneAnswers> lanes = claimed.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(Lanes.Lane::chat)))
                .map(lane -> new Answers.LaneAnswers(lane.getKey(), answers(lane.getValue(), "x"), null))
                .toList();

        assertThat(store(lanes))
                .extracting(Answers.Stored::released)
                .containsExactly(Answers.Released.EMPTY, Answers.Released.LEASE_LOST);
        assertThat(fixture.firstValue("SELECT count(*)::text FROM inbox WHERE status = 'pending'"))
                .isEqualTo("2");
        assertThat(fixture.firstValue("SELECT count(*)::text FROM outbox")).isEqualTo("0");
    }

    private void insertIn(String chat, String... texts) {
        tx.execute(
                Lanes.ON_ITS_OWN,
                status -> inbox.insert(List.of(texts).stream()
                        .map(text -> ConversationFixture.text("user", chat, text))
                        .toList()));
    }

    /** One reply to each row, named after the row's text and {@code suffix}. */
    private static List<Answers.Answer> answers(List<InboxStore.Pending> rows, String suffix) {
        return rows.stream()
                .map(row -> new Answers.Answer(
                        row, null, List.of(Reply.text(row.event().text() + ": " + suffix))))
                .toList();
    }

    private void insert(String... texts) {
        insertIn("chat", texts);
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
        return store(List.of(new Answers.LaneAnswers(claimed.getKey(), answered, replies)))
                .getFirst();
    }

    /** Stores the lanes' answers in one transaction, rolled back if a lease was lost. */
    private List<Answers.Stored> store(List<Answers.LaneAnswers> lanes) {
        return tx.executeWrite(status -> {
            List<Answers.Stored> stored = answers.store(lanes, LEASE);
            if (stored.stream().anyMatch(s -> s.released() == Answers.Released.LEASE_LOST)) {
                status.setRollbackOnly();
            }
            return stored;
        });
    }

    private long idOf(String text) {
        return Long.parseLong(fixture.firstValue("SELECT id::text FROM outbox WHERE reply->>'text' = '" + text + "'"));
    }
}
