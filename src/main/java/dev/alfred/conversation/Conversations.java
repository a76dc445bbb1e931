package dev.alfred.conversation;

import dev.alfred.channel.Inbound;
import dev.alfred.identity.Actor;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** Conversations per (bot, channel, chat, user) and their history. Callers hold the transaction. */
@Singleton
class Conversations {

    private final JdbcOperations jdbc;

    Conversations(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The actor's conversation in the event's chat, looked up the first time it is asked for. */
    final class Open implements Supplier<UUID> {

        private final Actor actor;
        private final Inbound event;
        private @Nullable UUID id;

        private Open(Actor actor, Inbound event) {
            this.actor = actor;
            this.event = event;
        }

        @Override
        public UUID get() {
            if (id == null) {
                id = active(actor, event);
            }
            return id;
        }

        /** Forgets what was looked up, after the transaction that found or started it was rolled back. */
        void forget() {
            id = null;
        }
    }

    /** The actor's open conversation in this chat, found or started only when it is asked for. */
    Open open(Actor actor, Inbound event) {
        return new Open(actor, event);
    }

    /**
     * The start of a statement that names the actor's open conversation in the event's chat {@code open}, starting
     * one if there is none; {@link #bindOpen} sets its parameters. Messages of a chat are handled one at a time
     * (its lane), so no other transaction starts the same conversation meanwhile.
     */
    private static final String OPEN = """
            WITH asked AS (
                SELECT CAST(? AS text) AS bot, CAST(? AS text) AS channel, CAST(? AS text) AS chat,
                       CAST(? AS uuid) AS user_id, CAST(? AS uuid) AS tenant_id),
            found AS (
                SELECT c.id FROM conversation c JOIN asked a USING (bot, channel, chat, user_id)
                WHERE c.ended_at IS NULL),
            started AS (
                INSERT INTO conversation (id, tenant_id, user_id, bot, channel, chat)
                SELECT gen_random_uuid(), tenant_id, user_id, bot, channel, chat FROM asked
                WHERE NOT EXISTS (SELECT FROM found)
                RETURNING id),
            open AS (SELECT id FROM found UNION ALL SELECT id FROM started)
            """;

    private static void bindOpen(PreparedStatement statement, Actor actor, Inbound event) throws SQLException {
        statement.setString(1, event.bot());
        statement.setString(2, event.channel());
        statement.setString(3, event.chat());
        statement.setObject(4, actor.userId());
        statement.setObject(5, actor.tenantId());
    }

    /** The actor's open conversation in this chat, started if there is none. */
    private UUID active(Actor actor, Inbound event) {
        return jdbc.prepareStatement(OPEN + "SELECT id FROM open", statement -> {
            bindOpen(statement, actor, event);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getObject(1, UUID.class);
            }
        });
    }

    /**
     * Appends a question and its answer to the history. A conversation nobody asked for yet is found, or started,
     * by the same statement: most commands never need it, so they pay one statement instead of two.
     */
    void append(Open conversation, String question, String answer) {
        if (conversation.id != null) {
            append(conversation.id, question, answer);
            return;
        }
        jdbc.prepareStatement(OPEN + """
                INSERT INTO conversation_message (conversation_id, role, text)
                SELECT open.id, m.role, m.text
                FROM open, (VALUES (1, 'user', ?), (2, 'assistant', ?)) AS m(position, role, text)
                ORDER BY m.position""", statement -> {
            bindOpen(statement, conversation.actor, conversation.event);
            statement.setString(6, question);
            statement.setString(7, answer);
            return statement.executeUpdate();
        });
    }

    private void append(UUID conversationId, String question, String answer) {
        jdbc.prepareStatement(
                "INSERT INTO conversation_message (conversation_id, role, text) VALUES (?, 'user', ?), (?, 'assistant', ?)",
                statement -> {
                    statement.setObject(1, conversationId);
                    statement.setString(2, question);
                    statement.setObject(3, conversationId);
                    statement.setString(4, answer);
                    return statement.executeUpdate();
                });
    }

    /** Ends the conversation; the next message starts a new one with no history. */
    void end(UUID conversationId) {
        jdbc.prepareStatement("UPDATE conversation SET ended_at = now() WHERE id = ?", statement -> {
            statement.setObject(1, conversationId);
            return statement.executeUpdate();
        });
    }
}
