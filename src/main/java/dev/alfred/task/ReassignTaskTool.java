package dev.alfred.task;

import dev.alfred.assistant.AssistantTool;
import dev.alfred.assistant.ToolCaller;
import dev.alfred.assistant.ToolParameter;
import dev.alfred.assistant.ToolResult;
import jakarta.inject.Singleton;

/** {@code reassign_task}: gives a task to someone else, who is notified. */
@Singleton
class ReassignTaskTool implements AssistantTool<ReassignTaskTool.Input> {

    record Input(
            @ToolParameter(value = "The task number, e.g. 12", required = true)
            long taskId,

            @ToolParameter(value = "The new assignee: a name, an @mention or a user id", required = true)
            String assignee) {}

    private final TaskTools tools;

    ReassignTaskTool(TaskTools tools) {
        this.tools = tools;
    }

    @Override
    public String name() {
        return "reassign_task";
    }

    @Override
    public String description() {
        return "Give an existing task, by its number, to another person; they are notified.";
    }

    @Override
    public String feature() {
        return TaskService.ASSIGN;
    }

    @Override
    public Class<Input> inputType() {
        return Input.class;
    }

    @Override
    public ToolResult call(Input input, ToolCaller caller) {
        Task task = tools.tasks().reassign(caller.actor(), input.taskId(), input.assignee());
        return tools.result("Reassigned: ", task, caller);
    }
}
