package dev.alfred.task;

import dev.alfred.problem.Problem;
import java.util.Locale;

/**
 * Which tasks a list shows: assigned to me, created by me for others, my team's (needs
 * {@code tasks.view_team}), or every task I may see.
 */
public enum TaskScope {
    MINE,
    CREATED,
    TEAM,
    ALL;

    public static TaskScope of(String key) {
        return switch (key.strip().toLowerCase(Locale.ROOT)) {
            case "mine", "me", "my" -> MINE;
            case "created", "assigned", "delegated" -> CREATED;
            case "team" -> TEAM;
            case "all" -> ALL;
            default -> throw Problem.invalid("unknown scope '" + key + "'; scopes are mine, created, team, all");
        };
    }
}
