package dev.alfred.conversation;

import dev.alfred.channel.Reply;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

/** Answers free text with the commands the person may use, when no assistant is installed. */
@Singleton
@Secondary
class CommandHints implements FreeTextResponder {

    private final HelpCommand help;

    CommandHints(HelpCommand help) {
        this.help = help;
    }

    @Override
    public Reply respond(CommandContext context) {
        return Reply.text("I answer commands here. " + help.run(context).text());
    }
}
