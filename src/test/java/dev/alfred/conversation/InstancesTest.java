package dev.alfred.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.alfred.channel.Inbound;
import dev.alfred.channel.InboundSink;
import dev.alfred.testing.AlfredProperties;
import dev.alfred.testing.EchoResponder;
import dev.alfred.testing.FakeChannel;
import dev.alfred.testing.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Several instances on one database: a stopped instance loses nothing, and two instances answer each message once. */
class InstancesTest {

    private static Map<String, Object> properties(String url, String... extra) {
        Map<String, Object> properties = new HashMap<>(TestDatabase.properties(url));
        properties.put("alfred.bootstrap.api-key", AlfredProperties.OWNER_KEY);
        String[] settings = ConversationFixture.settings(extra);
        for (int i = 0; i + 1 < settings.length; i += 2) {
            properties.put(settings[i], settings[i + 1]);
        }
        return properties;
    }

    @Test
    void messages_accepted_by_an_instance_that_stops_mid_processing_are_answered_after_restart() throws Exception {
        String url = TestDatabase.create();
        EchoResponder.gate = new CountDownLatch(1);
        EchoResponder.blocked = new CountDownLatch(1);
        List<String> chats = new ArrayList<>();
        try (ApplicationContext first = ApplicationContext.run(properties(
                url, "alfred.dispatcher.lease", "2s", "alfred.outbox.lease", "2s", "alfred.shutdown.drain", "1s"))) {
            new ConversationFixture(first).linkedUser("crash-user");
            InboundSink inbox = first.getBean(InboundSink.class);
            inbox.accept(ConversationFixture.text("crash-user", "chat-blocked", "block"));
            assertThat(EchoResponder.blocked.await(10, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 20; i++) {
                chats.add("chat-" + i);
                inbox.accept(ConversationFixture.text("crash-user", "chat-" + i, "m" + i));
            }
            // Stop while one message is in the middle of being handled and others may be waiting.
        }
        EchoResponder.gate.countDown();
        try (ApplicationContext second = ApplicationContext.run(properties(
                url, "alfred.dispatcher.lease", "2s", "alfred.outbox.lease", "2s", "alfred.shutdown.drain", "1s"))) {
            FakeChannel channel = second.getBean(FakeChannel.class);
            await().atMost(Duration.ofSeconds(20)).until(() -> unanswered(second) == 0);
            assertThat(answersPerEvent(second))
                    .allSatisfy(
                            (event, answers) -> assertThat(answers).as(event).isEqualTo(1));
            assertThat(answersPerEvent(second)).hasSize(21);
            await().until(() -> channel.delivered().stream()
                    .anyMatch(a -> a.message().chat().equals("chat-blocked")));
        }
    }

    @Test
    void two_instances_on_one_database_answer_each_message_once() {
        String url = TestDatabase.create();
        try (ApplicationContext a = ApplicationContext.run(properties(url));
                ApplicationContext b = ApplicationContext.run(properties(url))) {
            new ConversationFixture(a).linkedUser("busy-user");
            InboundSink inboxA = a.getBean(InboundSink.class);
            InboundSink inboxB = b.getBean(InboundSink.class);
            for (int i = 0; i < 200; i++) {
                Inbound event = ConversationFixture.event(
                        "evt-" + i, "busy-user", "chat-" + (i % 20), Inbound.Kind.TEXT, "n" + i);
                (i % 2 == 0 ? inboxA : inboxB).accept(event);
                (i % 2 == 0 ? inboxB : inboxA).accept(event); // the platform retried at the other instance
            }
            FakeChannel channelA = a.getBean(FakeChannel.class);
            FakeChannel channelB = b.getBean(FakeChannel.class);
            await().atMost(Duration.ofSeconds(30))
                    .until(() ->
                            channelA.delivered().size() + channelB.delivered().size() >= 200);
            await().during(Duration.ofMillis(500))
                    .until(() ->
                            channelA.delivered().size() + channelB.delivered().size() == 200);
            assertThat(answersPerEvent(a))
                    .hasSize(200)
                    .allSatisfy((event, answers) -> assertThat(answers).isEqualTo(1));
            assertThat(channelA.delivered()).isNotEmpty();
            assertThat(channelB.delivered()).isNotEmpty();
        }
    }

    /** Rows not done in the inbox plus replies not sent, read in one snapshot: a reply never falls between two. */
    private static long unanswered(ApplicationContext context) {
        return query(
                context,
                "SELECT (SELECT count(*) FROM outbox WHERE status <> 'sent')"
                        + " + (SELECT count(*) FROM inbox WHERE status <> 'done')",
                rows -> rows.getLong(1));
    }

    private static Map<String, Long> answersPerEvent(ApplicationContext context) {
        return query(context, """
                SELECT i.event_id, count(o.id) FROM inbox i LEFT JOIN outbox o ON o.inbox_id = i.id AND o.status = 'sent'
                GROUP BY i.event_id""", rows -> {
            Map<String, Long> counts = new HashMap<>();
            do {
                counts.put(rows.getString(1), rows.getLong(2));
            } while (rows.next());
            return counts;
        });
    }

    private interface RowReader<T> {
        T read(ResultSet rows) throws java.sql.SQLException;
    }

    private static <T> T query(ApplicationContext context, String sql, RowReader<T> reader) {
        JdbcOperations jdbc = context.getBean(JdbcOperations.class);
        @SuppressWarnings("unchecked")
        TransactionOperations<Connection> tx = context.getBean(TransactionOperations.class);
        return tx.executeRead(status -> jdbc.prepareStatement(sql, statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return reader.read(rows);
            }
        }));
    }
}
