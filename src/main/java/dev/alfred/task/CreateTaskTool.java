package dev.alfred.task;

import dev.alfred.assistant.AssistantTool;
import dev.alfred.assistant.ToolCaller;
import dev.alfred.assistant.ToolParameter;
import dev.alfred.assistant.ToolResult;
import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;

/** {@code create_task}: a task for the caller or, with {@code tasks.assign}, for someone else. */
@Singleton
class CreateTaskTool implements AssistantTool<CreateTaskTool.Input> {

    record Input(
            @ToolParameter(
                    value = "What to do, short, starting with a verb, e.g. \"Send the invoice\"",
                    required = true)
            String title,

            @ToolParameter("Details, if the person gave any") @Nullable
            String description,

            @ToolParameter("Who should do it: a name, an @mention or a user id; leave out for the person asking")
            @Nullable
            String assignee,

            @ToolParameter("When it is due: ISO date-time, with or without offset, e.g. 2026-11-27T17:00:00+01:00")
            @Nullable
            String due,

            @ToolParameter("low, normal, high or urgent; leave out for normal") @Nullable
            String priority) {}

    private final TaskTools tools;

    CreateTaskTool(TaskTools tools) {
        this.tools = tools;
    }

    @Override
    public String name() {
        return "create_task";
    }

    @Override
    public String description() {
        return "Create a task (a to-do or reminder) for the person asking or for a colleague, with an optional"
                + " due date-time and priority. The assignee is notified and reminded before the due time.";
    }

    @Override
    public String feature() {
        return TaskService.CREATE;
    }

    @Override
    public Class<Input> inputType() {
        return Input.class;
    }

    @Override
    public ToolResult call(Input input, ToolCaller caller) {
        Task task = tools.tasks()
                .create(
                        caller.actor(),
                        new NewTask(
                                input.title(),
                                input.description(),
                                input.assignee(),
                                tools.due(input.due(), caller),
                                input.priority() == null || input.priority().isBlank()
                                        ? null
                                        : Priority.of(input.priority()),
                                "assistant"));
        return tools.result("Created ", task, caller);
    }
}
