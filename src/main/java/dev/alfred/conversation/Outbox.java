package dev.alfred.conversation;

import dev.alfred.channel.Inbound;
import dev.alfred.channel.Reply;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Queues replies for delivery, inside the caller's transaction. */
@Singleton
public class Outbox {

    private final JdbcOperations jdbc;
    private final Json json;
    private final WorkSignal signal;

    Outbox(JdbcOperations jdbc, Json json, @Named("outbox") WorkSignal signal) {
        this.jdbc = jdbc;
        this.json = json;
        this.signal = signal;
    }

    void enqueue(@Nullable Long inboxId, @Nullable UUID tenantId, Inbound event, List<Reply> replies) {
        for (Reply reply : replies) {
            insert(inboxId, tenantId, event.bot(), event.channel(), event.chat(), reply, event.replyAddress());
        }
    }

    /**
     * Queues a message that answers no inbound event, e.g. a notification to a user's linked chat.
     * It is sent after the caller's transaction commits.
     */
    public void notify(UUID tenantId, String bot, String channel, String chat, Reply reply) {
        insert(null, tenantId, bot, channel, chat, reply, Map.of());
        signal.signal();
    }

    private void insert(
            @Nullable Long inboxId,
            @Nullable UUID tenantId,
            String bot,
            String channel,
            String chat,
            Reply reply,
            Map<String, String> replyAddress) {
        jdbc.prepareStatement("""
                INSERT INTO outbox (inbox_id, tenant_id, bot, channel, chat, reply, reply_address)
                VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb))""", statement -> {
            if (inboxId == null) {
                statement.setNull(1, java.sql.Types.BIGINT);
            } else {
                statement.setLong(1, inboxId);
            }
            statement.setObject(2, tenantId);
            statement.setString(3, bot);
            statement.setString(4, channel);
            statement.setString(5, chat);
            statement.setString(6, json.write(reply));
            statement.setString(7, json.write(replyAddress));
            return statement.executeUpdate();
        });
    }
}
