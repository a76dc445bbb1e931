package dev.alfred.task;

import dev.alfred.channel.Reply;
import dev.alfred.conversation.ChatCommand;
import dev.alfred.conversation.CommandContext;
import dev.alfred.conversation.CommandSpec;
import dev.alfred.identity.Actor;
import dev.alfred.problem.Problem;
import jakarta.inject.Singleton;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /task}: creates a task from one line ("Call Acme tomorrow 3pm @bob !high"), or changes
 * one: {@code done 42}, {@code cancel 42}, {@code reopen 42}, {@code assign 42 @bob}. The card's
 * buttons come back here as {@code task done 42} and {@code task cancel 42}.
 */
@Singleton
class TaskCommand implements ChatCommand {

    private static final CommandSpec SPEC = new CommandSpec(
            "task",
            "Create a task, or mark one done, cancel or reassign it",
            "Call Acme tomorrow 3pm @bob !high | done 42 | assign 42 @bob",
            TaskService.CREATE,
            "task");
    private static final Pattern CHANGE = Pattern.compile(
            "(?i)(done|complete|finish|cancel|reopen|assign|reassign)\\s+#?(\\d+)(?:\\s+(?:to\\s+)?(.+))?");

    private final TaskService tasks;

    TaskCommand(TaskService tasks) {
        this.tasks = tasks;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public Reply run(CommandContext context) {
        Actor actor = context.actor();
        ZoneId zone = ZoneId.of(actor.timezone());
        String args = context.args().strip();
        if (args.isEmpty()) {
            return Reply.text("Tell me the task, e.g. `task Call Acme tomorrow 3pm @bob !high`.");
        }
        Matcher change = CHANGE.matcher(args);
        if (change.matches()) {
            return show(change(actor, change), "", zone);
        }
        TaskText.Draft draft = TaskText.parse(args, ZonedDateTime.now(zone));
        if (draft.title().isEmpty()) {
            throw Problem.invalid("What is the task? Give it a title, e.g. `task Call Acme tomorrow 3pm`.");
        }
        Task task = tasks.create(
                actor,
                new NewTask(
                        draft.title(),
                        draft.description(),
                        draft.assignee(),
                        draft.due() == null ? null : draft.due().toInstant(),
                        draft.priority(),
                        "chat"));
        return show(task, "Created: ", zone);
    }

    private Task change(Actor actor, Matcher change) {
        long id = Long.parseLong(change.group(2));
        String verb = change.group(1).toLowerCase(java.util.Locale.ROOT);
        return switch (verb) {
            case "done", "complete", "finish" -> tasks.setStatus(actor, id, TaskStatus.DONE);
            case "cancel" -> tasks.setStatus(actor, id, TaskStatus.CANCELLED);
            case "reopen" -> tasks.setStatus(actor, id, TaskStatus.OPEN);
            default -> {
                if (change.group(3) == null) {
                    throw Problem.invalid("Assign it to whom? e.g. `task assign " + id + " @bob`.");
                }
                yield tasks.reassign(actor, id, change.group(3).strip());
            }
        };
    }

    private Reply show(Task task, String intro, ZoneId zone) {
        String assignee = tasks.assignee(task).name();
        return Reply.text(intro + TaskCards.line(task, assignee, zone) + ".")
                .withCard(TaskCards.card(task, assignee, zone));
    }
}
