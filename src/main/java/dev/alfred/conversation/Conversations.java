package dev.alfred.conversation;

import dev.alfred.channel.Inbound;
import dev.alfred.identity.Actor;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.Optional;
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

    /** The actor's open conversation in this chat, started if there is none. */
    private UUID active(Actor actor, Inbound event) {
        return find(actor, event).orElseGet(() -> {
            jdbc.prepareStatement("""
                    INSERT INTO conversation (id, tenant_id, user_id, bot, channel, chat) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (bot, channel, chat, user_id) WHERE ended_at IS NULL DO NOTHING""", statement -> {
                statement.setObject(1, UUID.randomUUID());
                statement.setObject(2, actor.tenantId());
                statement.setObject(3, actor.userId());
                statement.setString(4, event.bot());
                statement.setString(5, event.channel());
                statement.setString(6, event.chat());
                return statement.executeUpdate();
            });
            return find(actor, event).orElseThrow();
        });
    }

    private Optional<UUID> find(Actor actor, Inbound event) {
        return jdbc.prepareStatement(
                "SELECT id FROM conversation WHERE bot = ? AND channel = ? AND chat = ? AND user_id = ? AND ended_at IS NULL",
                statement -> {
                    statement.setString(1, event.bot());
                    statement.setString(2, event.channel());
                    statement.setString(3, event.chat());
                    statement.setObject(4, actor.userId());
                    try (ResultSet rows = statement.executeQuery()) {
                        return rows.next() ? Optional.of(rows.getObject(1, UUID.class)) : Optional.<UUID>empty();
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
        jdbc.prepareStatement("""
                WITH found AS (
                    SELECT id FROM conversation
                    WHERE bot = ? AND channel = ? AND chat = ? AND user_id = ? AND ended_at IS NULL),
                started AS (
                    INSERT INTO conversation (id, tenant_id, user_id, bot, channel, chat)
                    SELECT ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT FROM found)
                    RETURNING id)
                INSERT INTO conversation_message (conversation_id, role, text)
                SELECT c.id, m.role, m.text
                FROM (SELECT id FROM found UNION ALL SELECT id FROM started) c,
                     (VALUES (1, 'user', ?), (2, 'assistant', ?)) AS m(position, role, text)
                ORDER BY m.position""", statement -> {
            Inbound event = conversation.event;
            Actor actor = conversation.actor;
            statement.setString(1, event.bot());
            statement.setString(2, event.channel());
            statement.setString(3, event.chat());
            statement.setObject(4, actor.userId());
            statement.setObject(5, UUID.randomUUID());
            statement.setObject(6, actor.tenantId());
            statement.setObject(7, actor.userId());
            statement.setString(8, event.bot());
            statement.setString(9, event.channel());
            statement.setString(10, event.chat());
            statement.setString(11, question);
            statement.setString(12, answer);
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
