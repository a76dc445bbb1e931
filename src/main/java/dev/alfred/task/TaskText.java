package dev.alfred.task;

import dev.alfred.time.TimePhrases;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a task from one line of chat: "Call Acme tomorrow 3pm @bob !high -- about the renewal"
 * gives the title "Call Acme", the assignee "@bob", the due time, the priority and, after
 * {@code --} or {@code |}, a description. Priority is written {@code !high}, "high priority",
 * "priority urgent", or "urgent"/"asap" alone.
 */
final class TaskText {

    /** What the line says; absent parts are null. */
    record Draft(
            String title,
            @Nullable String description,
            @Nullable String assignee,
            @Nullable ZonedDateTime due,
            @Nullable Priority priority) {}

    private static final String LEVEL = "(low|normal|medium|high|urgent)";
    private static final Pattern PRIORITY = Pattern.compile("(?i)(?:!" + LEVEL + "\\b|\\b" + LEVEL
            + "[ -]prio(?:rity)?\\b|\\bprio(?:rity)?[: ]+" + LEVEL + "\\b|\\b(urgent(?:ly)?|asap)\\b)");
    private static final Pattern MENTION = Pattern.compile("<@!?[A-Za-z0-9]+(?:\\|[^>]*)?>|(?<![\\w@])@[\\w.-]+");
    private static final Pattern TRIM = Pattern.compile("^[\\s,.:;\\-]+|[\\s,.:;\\-]+$");

    private TaskText() {}

    static Draft parse(String line, ZonedDateTime now) {
        String text = line.strip();
        String description = null;
        Matcher split = Pattern.compile("\\s+(?:--|\\|)\\s+").matcher(text);
        if (split.find()) {
            description = text.substring(split.end()).strip();
            text = text.substring(0, split.start());
        }
        Priority priority = null;
        Matcher level = PRIORITY.matcher(text);
        if (level.find()) {
            priority = priority(level);
            text = cut(text, level.start(), level.end());
        }
        String assignee = null;
        Matcher mention = MENTION.matcher(text);
        if (mention.find()) {
            assignee = mention.group();
            text = cut(text, mention.start(), mention.end());
        }
        ZonedDateTime due = null;
        Optional<TimePhrases.Found> found = TimePhrases.find(text, now);
        if (found.isPresent()) {
            due = found.get().at();
            text = cut(text, found.get().start(), found.get().end());
        }
        return new Draft(
                title(text),
                description == null || description.isEmpty() ? null : description,
                assignee,
                due,
                priority);
    }

    /** The words left, tidied: single spaces, no dangling punctuation or "to", first letter upper case. */
    static String title(String text) {
        String title = TRIM.matcher(text.replaceAll("\\s+", " ")).replaceAll("");
        title = title.replaceFirst("(?i)^to\\s+", "").replaceFirst("(?i)\\s+(?:by|at|on|due|for|with|to)$", "");
        title = TRIM.matcher(title).replaceAll("");
        return title.isEmpty() ? title : title.substring(0, 1).toUpperCase(Locale.ROOT) + title.substring(1);
    }

    private static Priority priority(Matcher level) {
        for (int group = 1; group <= 3; group++) {
            if (level.group(group) != null) {
                String key = level.group(group).toLowerCase(Locale.ROOT);
                return key.equals("medium") ? Priority.NORMAL : Priority.of(key);
            }
        }
        return level.group(4).toLowerCase(Locale.ROOT).equals("asap") ? Priority.HIGH : Priority.URGENT;
    }

    private static String cut(String text, int start, int end) {
        return text.substring(0, start) + " " + text.substring(end);
    }
}
