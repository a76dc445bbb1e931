package dev.alfred.conversation;

import dev.alfred.channel.Reply;
import jakarta.inject.Singleton;

/** {@code /reset}: ends the conversation, so the assistant forgets its history. */
@Singleton
class ResetCommand implements ChatCommand {

    private static final CommandSpec SPEC =
            new CommandSpec("reset", "Start a new conversation; Alfred forgets the old one", "", null, "");

    private final Conversations conversations;

    ResetCommand(Conversations conversations) {
        this.conversations = conversations;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public Reply run(CommandContext context) {
        conversations.end(context.conversationId());
        return Reply.text("Started a new conversation.");
    }
}
