package dev.alfred.metrics;

import dev.alfred.channel.Reply;
import dev.alfred.conversation.ChatCommand;
import dev.alfred.conversation.CommandContext;
import dev.alfred.conversation.CommandSpec;
import jakarta.inject.Singleton;

/** {@code /metrics}: the metrics this person may see. */
@Singleton
class MetricsCommand implements ChatCommand {

    private static final CommandSpec SPEC =
            new CommandSpec("metrics", "The business metrics you can see", "", null, "");

    private final MetricAnswers answers;

    MetricsCommand(MetricAnswers answers) {
        this.answers = answers;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public boolean readOnly() {
        return true;
    }

    @Override
    public Reply run(CommandContext context) {
        return Reply.text(answers.list(context.actor()));
    }
}
