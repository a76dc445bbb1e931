package dev.alfred.task;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A task list request: scope, optional assignee and status filters, and at most {@code size} tasks. */
public record TaskQuery(
        TaskScope scope,
        @Nullable UUID assigneeId,
        @Nullable TaskStatus status,
        int size) {

    public static TaskQuery of(TaskScope scope, @Nullable TaskStatus status) {
        return new TaskQuery(scope, null, status, 50);
    }
}
