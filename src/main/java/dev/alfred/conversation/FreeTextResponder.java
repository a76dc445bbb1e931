package dev.alfred.conversation;

import dev.alfred.channel.Reply;

/**
 * Answers free text (not a command). The assistant provides the real one; until a feature
 * replaces it, {@link CommandHints} points people at the commands they may use.
 */
@FunctionalInterface
public interface FreeTextResponder {

    Reply respond(CommandContext context);
}
