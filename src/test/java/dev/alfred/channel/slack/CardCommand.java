package dev.alfred.channel.slack;

import dev.alfred.channel.Reply;
import dev.alfred.conversation.ChatCommand;
import dev.alfred.conversation.CommandContext;
import dev.alfred.conversation.CommandSpec;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.List;

/** A test-only command whose reply has every rendering feature: markdown, a card, fields and buttons. */
@Singleton
@Requires(property = "slack-test.card-command", value = "true")
class CardCommand implements ChatCommand {

    static final String TEXT = "Ticket *42* is _open_: see [the runbook](https://example.com/run?a=1&b=2)\n"
            + "- check the `printer`\n- call Bob";

    @Override
    public CommandSpec spec() {
        return new CommandSpec("card", "Shows a test card", "", null, "text");
    }

    @Override
    public Reply run(CommandContext context) {
        return Reply.text(TEXT)
                .withCard(new Reply.Card(
                        "Printer on floor 2",
                        List.of(new Reply.Field("Priority", "high"), new Reply.Field("SLA", "4h")),
                        List.of(
                                new Reply.Button("Who am I?", "whoami", Reply.Button.Style.PRIMARY),
                                new Reply.Button("Forget", "reset", Reply.Button.Style.DANGER),
                                new Reply.Button("Help", "help", Reply.Button.Style.DEFAULT))));
    }
}
