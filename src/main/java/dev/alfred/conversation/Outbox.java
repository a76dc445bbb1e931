package dev.alfred.conversation;

import dev.alfred.channel.Inbound;
import dev.alfred.channel.Reply;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Queues replies for delivery, inside the caller's transaction. */
@Singleton
public class Outbox {

    private final OutboxStore store;
    private final WorkSignal signal;

    Outbox(OutboxStore store, @Named("outbox") WorkSignal signal) {
        this.store = store;
        this.signal = signal;
    }

    void enqueue(@Nullable Long inboxId, @Nullable UUID tenantId, Inbound event, List<Reply> replies) {
        for (Reply reply : replies) {
            store.insert(inboxId, tenantId, event.bot(), event.channel(), event.chat(), reply, event.replyAddress());
        }
    }

    /**
     * Queues a message that answers no inbound event, e.g. a notification to a user's linked chat.
     * It is sent after the caller's transaction commits.
     */
    public void notify(UUID tenantId, String bot, String channel, String chat, Reply reply) {
        store.insert(null, tenantId, bot, channel, chat, reply, Map.of());
        signal.signal();
    }
}
