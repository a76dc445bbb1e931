package dev.alfred.task;

import dev.alfred.problem.Problem;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where a task stands. */
public enum TaskStatus {
    OPEN,
    DONE,
    CANCELLED;

    /** The name as written in JSON, chat and the database. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a status name ("complete"/"completed" mean done, "canceled" means cancelled). */
    public static TaskStatus of(String key) {
        String value = key.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "open", "reopen", "todo" -> OPEN;
            case "done", "complete", "completed", "finished" -> DONE;
            case "cancelled", "canceled", "cancel" -> CANCELLED;
            default ->
                throw Problem.invalid("unknown status '" + key + "'; statuses are "
                        + Arrays.stream(values()).map(TaskStatus::key).collect(Collectors.joining(", ")));
        };
    }
}
