package dev.alfred.conversation;

import dev.alfred.channel.Reply;

/**
 * A slash command contributed by a feature package. The router checks {@link CommandSpec#feature()}
 * before {@link #run} is called, inside the transaction that stores the reply.
 */
public interface ChatCommand {

    CommandSpec spec();

    Reply run(CommandContext context);

    /**
     * True only for a command that never writes. It then runs without a savepoint of its own (two database
     * round trips), since a refusal has nothing of its to undo. Default false.
     */
    default boolean readOnly() {
        return false;
    }
}
