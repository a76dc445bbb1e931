package dev.alfred.conversation;

import dev.alfred.channel.Inbound;
import dev.alfred.identity.Actor;
import java.util.UUID;

/** What a command runs with: who asked, the text after the command name, the event, and the conversation. */
public record CommandContext(Actor actor, String args, Inbound event, UUID conversationId) {}
