package dev.alfred.task;

import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

/** A list of tasks as chat text: a heading and one bullet per task. */
final class TaskLists {

    private TaskLists() {}

    static String render(List<Task> tasks, TaskQuery query, TaskService service, ZoneId zone) {
        String status = query.status() == null ? "" : query.status().key() + " ";
        String what = switch (query.scope()) {
            case MINE -> "Your " + status + "tasks";
            case CREATED -> "The " + status + "tasks you gave others";
            case TEAM -> "Your team's " + status + "tasks";
            case ALL -> "The " + status + "tasks you can see";
        };
        if (tasks.isEmpty()) {
            return what + ": none.";
        }
        return what + " (" + tasks.size() + "):\n"
                + tasks.stream()
                        .map(task -> "- "
                                + TaskCards.line(task, service.assignee(task).name(), zone))
                        .collect(Collectors.joining("\n"));
    }
}
