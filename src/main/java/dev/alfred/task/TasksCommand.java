package dev.alfred.task;

import dev.alfred.channel.Reply;
import dev.alfred.conversation.ChatCommand;
import dev.alfred.conversation.CommandContext;
import dev.alfred.conversation.CommandSpec;
import jakarta.inject.Singleton;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/** {@code /tasks [mine|created|team|done]}: open tasks assigned to me (default), created by me, my team's, or my done ones. */
@Singleton
class TasksCommand implements ChatCommand {

    private static final CommandSpec SPEC = new CommandSpec(
            "tasks",
            "List your tasks, the ones you gave out, or your team's",
            "mine | created | team | done",
            TaskService.CREATE,
            "which");

    private final TaskService tasks;

    TasksCommand(TaskService tasks) {
        this.tasks = tasks;
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
        String which = context.args().strip().toLowerCase(Locale.ROOT);
        TaskQuery query = which.equals("done")
                ? TaskQuery.of(TaskScope.MINE, TaskStatus.DONE)
                : TaskQuery.of(which.isEmpty() ? TaskScope.MINE : TaskScope.of(which), TaskStatus.OPEN);
        List<Task> found = tasks.list(context.actor(), query);
        return Reply.text(
                TaskLists.render(found, query, tasks, ZoneId.of(context.actor().timezone())));
    }
}
