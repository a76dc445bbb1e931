package dev.alfred.conversation;

import dev.alfred.channel.Inbound;
import dev.alfred.identity.Actor;
import dev.alfred.identity.Role;
import dev.alfred.testing.AlfredProperties;
import dev.alfred.testing.FakeChannel;
import dev.alfred.testing.LinkedUsers;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Builds events for the fake channel and linked users to send them, in one application context. */
final class ConversationFixture {

    private final ApplicationContext context;

    ConversationFixture(ApplicationContext context) {
        this.context = context;
    }

    /** Test settings: the fake channel, the echo responder, no rate limit on it, fast polling and backoff. */
    static String[] settings(String... extra) {
        String[] base = {
            "alfred.test.fake-channel", "true",
            "alfred.test.echo", "true",
            "alfred.channels.fake.per-chat-rate", "0",
            "alfred.channels.fake.global-rate", "0",
            "alfred.outbox.backoff", "100ms",
            "alfred.outbox.max-attempts", "3",
            "alfred.outbox.poll", "50ms",
            "alfred.dispatcher.poll", "50ms"
        };
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    /** An application on a fresh database whose dispatcher and sender are off, so that only the test claims. */
    static ApplicationContext withoutWorkers() {
        return ApplicationContext.run(new HashMap<String, Object>(
                AlfredProperties.fresh("alfred.dispatcher.enabled", "false", "alfred.outbox.enabled", "false")));
    }

    /** The application's transactions. */
    @SuppressWarnings("unchecked")
    TransactionOperations<Connection> tx() {
        return context.getBean(TransactionOperations.class);
    }

    /** A new employee linked to {@code platformUserId} on the fake channel. */
    Actor linkedUser(String platformUserId) {
        return LinkedUsers.link(context, FakeChannel.NAME, platformUserId, "User " + platformUserId);
    }

    /** A code that links a platform account to a new employee named {@code name}, as an admin would create it. */
    String linkCode(String name) {
        return LinkedUsers.code(context, name, Role.EMPLOYEE);
    }

    /** Runs one statement in a transaction of its own, to put the database in a state a test needs. */
    void execute(String sql) {
        JdbcOperations jdbc = context.getBean(JdbcOperations.class);
        tx().executeWrite(status -> jdbc.prepareStatement(sql, statement -> statement.executeUpdate()));
    }

    /** The first column of the statement's first row, as text; null when it returns no row. */
    String firstValue(String sql) {
        JdbcOperations jdbc = context.getBean(JdbcOperations.class);
        return tx().executeRead(status -> jdbc.prepareStatement(sql, statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }));
    }

    static Inbound text(String platformUserId, String chat, String text) {
        return event(UUID.randomUUID().toString(), platformUserId, chat, Inbound.Kind.TEXT, text);
    }

    static Inbound event(String eventId, String platformUserId, String chat, Inbound.Kind kind, String text) {
        return new Inbound(
                "alfred",
                FakeChannel.NAME,
                eventId,
                null,
                chat,
                platformUserId,
                "Tester",
                kind,
                text,
                Map.of("event", eventId));
    }
}
