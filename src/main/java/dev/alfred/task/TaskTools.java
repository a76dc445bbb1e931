package dev.alfred.task;

import dev.alfred.assistant.ToolCaller;
import dev.alfred.assistant.ToolResult;
import dev.alfred.problem.Problem;
import dev.alfred.time.TimePhrases;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What the task tools share: reading a due time in the caller's zone and showing a task as a result. */
@Singleton
class TaskTools {

    private final TaskService tasks;
    private final Clock clock;

    TaskTools(TaskService tasks, Clock clock) {
        this.tasks = tasks;
        this.clock = clock;
    }

    TaskService tasks() {
        return tasks;
    }

    /** An ISO date-time (with or without an offset) or a phrase such as "tomorrow 3pm", in the caller's zone. */
    @Nullable
    Instant due(@Nullable String due, ToolCaller caller) {
        if (due == null || due.isBlank()) {
            return null;
        }
        return TimePhrases.parse(due, ZonedDateTime.now(clock).withZoneSameInstant(caller.zone()))
                .orElseThrow(() -> Problem.invalid("I could not read the due time '" + due
                        + "'; use an ISO date-time such as 2026-12-01T15:00:00+01:00 or words like \"tomorrow 3pm\""))
                .toInstant();
    }

    ToolResult result(String intro, Task task, ToolCaller caller) {
        String assignee = tasks.assignee(task).name();
        return ToolResult.of(intro + TaskCards.line(task, assignee, caller.zone()) + ".", data(task, assignee, caller))
                .withCard(TaskCards.card(task, assignee, caller.zone()));
    }

    static Map<String, Object> data(Task task, String assignee, ToolCaller caller) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", task.id());
        data.put("title", task.title());
        data.put("assignee", assignee);
        if (task.due() != null) {
            data.put(
                    "due",
                    DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(task.due().atZone(caller.zone())));
        }
        data.put("priority", task.priority().key());
        data.put("status", task.status().key());
        return data;
    }
}
