package dev.alfred.task;

import dev.alfred.problem.Problem;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How urgent a task is. */
public enum Priority {
    LOW,
    NORMAL,
    HIGH,
    URGENT;

    /** The name as written in JSON, chat and the database. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a priority name; an unknown one is an invalid problem naming the known ones. */
    public static Priority of(String key) {
        for (Priority priority : values()) {
            if (priority.key().equals(key.strip().toLowerCase(Locale.ROOT))) {
                return priority;
            }
        }
        throw Problem.invalid("unknown priority '" + key + "'; priorities are "
                + Arrays.stream(values()).map(Priority::key).collect(Collectors.joining(", ")));
    }
}
