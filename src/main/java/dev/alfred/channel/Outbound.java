package dev.alfred.channel;

import java.util.Map;

/**
 * A reply on its way out: the outbox row's id, where it goes and how many attempts came before.
 * {@code replyAddress} is the one of the inbound event it answers (empty for notifications).
 */
public record Outbound(
        long id, String bot, String channel, String chat, Reply reply, Map<String, String> replyAddress, int attempt) {

    public Outbound {
        replyAddress = Map.copyOf(replyAddress);
    }
}
