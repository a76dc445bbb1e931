package dev.alfred.channel.telegram;

import dev.alfred.channel.Reply;
import dev.alfred.conversation.ChatCommand;
import dev.alfred.conversation.CommandContext;
import dev.alfred.conversation.CommandSpec;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.List;

/** A test command whose reply is a card with buttons, which no feature offers yet; its buttons call it back. */
@Singleton
@Requires(property = CardCommand.ENABLED, value = "true")
class CardCommand implements ChatCommand {

    static final String ENABLED = "telegram-test.card-command";

    @Override
    public CommandSpec spec() {
        return new CommandSpec("demo", "A card with buttons, for tests", "", null, "");
    }

    @Override
    public Reply run(CommandContext context) {
        if (!context.args().isEmpty()) {
            return Reply.text("You pressed _" + context.args() + "_");
        }
        return Reply.text("Pick *one*")
                .withCard(new Reply.Card(
                        "Demo <card>",
                        List.of(new Reply.Field("State", "open & waiting")),
                        List.of(
                                new Reply.Button("Done", "demo done 42", Reply.Button.Style.PRIMARY),
                                new Reply.Button("Later", "demo later", Reply.Button.Style.DEFAULT))));
    }
}
