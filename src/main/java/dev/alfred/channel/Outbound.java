package dev.alfred.channel;

import java.util.Map;

/**
 * A reply on its way out: the outbox row's id, where it goes and how many attempts came before.
 * {@code replyAddress} is the one of the inbound event it answers (empty for notifications).
 *
 * <p>A {@code chat} of the form {@code @<platform user id>} ({@link #directChat}) is the person's
 * direct chat with the bot, which the adapter opens if needed: notifications go there.
 */
public record Outbound(
        long id, String bot, String channel, String chat, Reply reply, Map<String, String> replyAddress, int attempt) {

    private static final String DIRECT = "@";

    public Outbound {
        replyAddress = Map.copyOf(replyAddress);
    }

    /** The chat that stands for the direct chat with {@code platformUserId}. */
    public static String directChat(String platformUserId) {
        return DIRECT + platformUserId;
    }

    /** Whether this goes to a person's direct chat rather than a chat of the platform. */
    public boolean isDirect() {
        return chat.startsWith(DIRECT);
    }

    /** The platform user id of a direct chat; only when {@link #isDirect()}. */
    public String directUser() {
        return chat.substring(DIRECT.length());
    }
}
