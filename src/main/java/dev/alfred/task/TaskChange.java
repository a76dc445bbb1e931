package dev.alfred.task;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A change to a task; {@code null} fields stay as they are. {@code clearDue} removes the due time.
 * {@code assignee} is a reference {@link People} resolves.
 */
public record TaskChange(
        @Nullable TaskStatus status,
        @Nullable String assignee,
        @Nullable Instant due,
        boolean clearDue) {

    public static TaskChange toStatus(TaskStatus status) {
        return new TaskChange(status, null, null, false);
    }

    public static TaskChange toAssignee(String assignee) {
        return new TaskChange(null, assignee, null, false);
    }
}
