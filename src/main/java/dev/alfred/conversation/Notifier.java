package dev.alfred.conversation;

import dev.alfred.channel.Reply;
import java.util.UUID;

/**
 * Sends a message to a person outside a conversation turn (a task assignment, a reminder, a cost
 * alert): into their direct chat with the tenant's bot on the channel they used last.
 */
public interface Notifier {

    /**
     * Queues {@code reply} for the user in the caller's transaction (it goes out once that commits).
     *
     * @return false when the user has no linked channel account to reach them through
     */
    boolean notify(UUID tenantId, UUID userId, Reply reply);
}
