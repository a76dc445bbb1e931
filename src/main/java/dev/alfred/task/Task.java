package dev.alfred.task;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A task as stored. {@code source} says where it came from: {@code chat}, {@code api}, {@code assistant}, .... */
public record Task(
        long id,
        UUID tenantId,
        String title,
        @Nullable String description,
        UUID assigneeId,
        UUID creatorId,
        @Nullable Instant due,
        Priority priority,
        TaskStatus status,
        String source) {

    Task withStatus(TaskStatus status) {
        return new Task(id, tenantId, title, description, assigneeId, creatorId, due, priority, status, source);
    }

    Task withAssignee(UUID assignee) {
        return new Task(id, tenantId, title, description, assignee, creatorId, due, priority, status, source);
    }

    Task withDue(@Nullable Instant due) {
        return new Task(id, tenantId, title, description, assigneeId, creatorId, due, priority, status, source);
    }

    /** A one-line summary for the audit log. */
    String summary() {
        return "title=%s, assignee=%s, due=%s, priority=%s, status=%s"
                .formatted(title, assigneeId, due, priority.key(), status.key());
    }
}
