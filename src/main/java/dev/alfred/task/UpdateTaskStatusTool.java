package dev.alfred.task;

import dev.alfred.assistant.AssistantTool;
import dev.alfred.assistant.ToolCaller;
import dev.alfred.assistant.ToolParameter;
import dev.alfred.assistant.ToolResult;
import jakarta.inject.Singleton;

/** {@code update_task_status}: marks a task done, cancels it or reopens it. */
@Singleton
class UpdateTaskStatusTool implements AssistantTool<UpdateTaskStatusTool.Input> {

    record Input(
            @ToolParameter(value = "The task number, e.g. 12", required = true)
            long taskId,

            @ToolParameter(value = "done, cancelled or open", required = true)
            String status) {}

    private final TaskTools tools;

    UpdateTaskStatusTool(TaskTools tools) {
        this.tools = tools;
    }

    @Override
    public String name() {
        return "update_task_status";
    }

    @Override
    public String description() {
        return "Mark a task done, cancel it, or reopen it, by its number.";
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
        TaskStatus status = TaskStatus.of(input.status());
        Task task = tools.tasks().setStatus(caller.actor(), input.taskId(), status);
        String intro = switch (status) {
            case DONE -> "Marked done: ";
            case CANCELLED -> "Cancelled: ";
            case OPEN -> "Reopened: ";
        };
        return tools.result(intro, task, caller);
    }
}
