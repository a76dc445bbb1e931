package dev.alfred.conversation;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/** The messages of a conversation so far, for the assistant's context. */
@Singleton
public class History {

    /** One message: {@code user} or {@code assistant}, and its text. */
    public record Message(String role, String text) {}

    private final JdbcOperations jdbc;

    History(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The last {@code limit} messages of the conversation, oldest first. */
    public List<Message> recent(UUID conversationId, int limit) {
        return jdbc.prepareStatement(
                "SELECT role, text FROM conversation_message WHERE conversation_id = ? ORDER BY id DESC LIMIT ?",
                statement -> {
                    statement.setObject(1, conversationId);
                    statement.setInt(2, limit);
                    List<Message> messages = new ArrayList<>();
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            messages.add(new Message(rows.getString(1), rows.getString(2)));
                        }
                    }
                    Collections.reverse(messages);
                    return messages;
                });
    }
}
