package dev.alfred.conversation;

import org.jspecify.annotations.Nullable;

/**
 * A chat command in the catalogue: its name (without slash), a one-line description, a usage hint
 * for its arguments ({@code ""} for none), the feature a user needs (none: everyone linked), and
 * the name of its single text option on platforms that declare options (Discord).
 */
public record CommandSpec(
        String name,
        String description,
        String usage,
        @Nullable String feature,
        String option) {

    public CommandSpec {
        if (!name.matches("[a-z][a-z0-9_]{0,31}")) {
            throw new IllegalArgumentException("command names are 1-32 lower-case letters, digits or _: " + name);
        }
    }

    public boolean takesArguments() {
        return !usage.isEmpty();
    }
}
