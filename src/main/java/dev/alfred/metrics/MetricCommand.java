package dev.alfred.metrics;

import dev.alfred.channel.Reply;
import dev.alfred.conversation.ChatCommand;
import dev.alfred.conversation.CommandContext;
import dev.alfred.conversation.CommandSpec;
import dev.alfred.problem.Problem;
import jakarta.inject.Singleton;
import java.util.Locale;

/**
 * {@code /metric <key> [period]} and {@code /metric <key> history}. The feature depends on the
 * metric, so the command checks {@code metrics.<key>.view} itself.
 */
@Singleton
class MetricCommand implements ChatCommand {

    private static final CommandSpec SPEC = new CommandSpec(
            "metric", "A business metric, its change and history", "<key> [YYYY-MM | history]", null, "request");

    private final MetricAnswers answers;

    MetricCommand(MetricAnswers answers) {
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
        String[] words = context.args().strip().split("\\s+");
        if (words[0].isEmpty() || words.length > 2) {
            throw Problem.invalid("Send /metric <key> [YYYY-MM], or /metric <key> history; /metrics lists the keys.");
        }
        Metric metric = Metric.of(words[0]);
        if (words.length == 2 && words[1].toLowerCase(Locale.ROOT).equals("history")) {
            MetricAnswers.History history = answers.history(context.actor(), metric, null, null);
            Reply reply = Reply.text(history.text());
            return history.chart() == null ? reply : reply.withAttachment(history.chart());
        }
        Period period = words.length == 2 ? Period.parse(metric, words[1]) : null;
        MetricAnswers.Answer answer = answers.value(context.actor(), metric, period);
        return Reply.text(answer.text()).withCard(answer.card());
    }
}
