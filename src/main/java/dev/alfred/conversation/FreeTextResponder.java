package dev.alfred.conversation;

import dev.alfred.channel.Reply;

/**
 * Answers free text (not a command). The assistant is the one implementation; tests may put their
 * own in its place.
 */
@FunctionalInterface
public interface FreeTextResponder {

    Reply respond(CommandContext context);
}
