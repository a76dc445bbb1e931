package dev.alfred.task;

import dev.alfred.assistant.AssistantTool;
import dev.alfred.assistant.ToolCaller;
import dev.alfred.assistant.ToolParameter;
import dev.alfred.assistant.ToolResult;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code list_tasks}: the caller's tasks, the ones they gave out, or their team's. */
@Singleton
class ListTasksTool implements AssistantTool<ListTasksTool.Input> {

    record Input(
            @ToolParameter("mine (assigned to me, the default), created (I gave to others) or team") @Nullable
            String scope,

            @ToolParameter("open (the default), done or cancelled") @Nullable
            String status) {}

    private final TaskTools tools;

    ListTasksTool(TaskTools tools) {
        this.tools = tools;
    }

    @Override
    public String name() {
        return "list_tasks";
    }

    @Override
    public String description() {
        return "List tasks: the person's own (mine), the ones they assigned to others (created), or their"
                + " team's (team, for managers); open ones unless a status is given.";
    }

    @Override
    public String feature() {
        return TaskService.CREATE;
    }

    @Override
    public boolean readOnly() {
        return true;
    }

    @Override
    public Class<Input> inputType() {
        return Input.class;
    }

    @Override
    public ToolResult call(Input input, ToolCaller caller) {
        TaskQuery query = TaskQuery.of(
                input.scope() == null || input.scope().isBlank() ? TaskScope.MINE : TaskScope.of(input.scope()),
                input.status() == null || input.status().isBlank() ? TaskStatus.OPEN : TaskStatus.of(input.status()));
        TaskService tasks = tools.tasks();
        List<Task> found = tasks.list(caller.actor(), query);
        List<Map<String, Object>> data = found.stream()
                .map(task -> TaskTools.data(task, tasks.assignee(task).name(), caller))
                .toList();
        return ToolResult.of(TaskLists.render(found, query, tasks, caller.zone()), data);
    }
}
