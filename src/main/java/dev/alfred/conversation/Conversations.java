package dev.alfred.conversation;

import dev.alfred.channel.Inbound;
import dev.alfred.identity.Actor;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.Optional;
import java.util.UUID;

/** Conversations per (bot, channel, chat, user) and their history. Callers hold the transaction. */
@Singleton
class Conversations {

    private final JdbcOperations jdbc;

    Conversations(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The actor's open conversation in this chat, started if there is none. */
    UUID active(Actor actor, Inbound event) {
        return open(actor, event).orElseGet(() -> {
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
            return open(actor, event).orElseThrow();
        });
    }

    private Optional<UUID> open(Actor actor, Inbound event) {
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

    /** Appends a question and its answer to the history. */
    void append(UUID conversationId, String question, String answer) {
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
