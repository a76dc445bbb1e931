package dev.alfred.task;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a new task says: {@code assignee} is a reference {@link People} resolves (a name, a mention
 * or a user id; none means the creator), {@code priority} defaults to normal, {@code source} is where
 * it came from ({@code chat}, {@code api}, {@code assistant}, ...).
 */
public record NewTask(
        String title,
        @Nullable String description,
        @Nullable String assignee,
        @Nullable Instant due,
        @Nullable Priority priority,
        String source) {}
