package dev.alfred.conversation;

import dev.alfred.channel.Inbound;
import dev.alfred.identity.Actor;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What a command runs with: who asked, the text after the command name, the event, and the conversation, which is
 * looked up only by the commands that ask for it.
 */
public record CommandContext(Actor actor, String args, Inbound event, Supplier<UUID> conversation) {

    public CommandContext(Actor actor, String args, Inbound event, UUID conversationId) {
        this(actor, args, event, () -> conversationId);
    }

    /** The actor's open conversation in this chat, started if there is none. */
    public UUID conversationId() {
        return conversation.get();
    }
}
