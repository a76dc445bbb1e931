package dev.alfred.task;

import dev.alfred.channel.Reply;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** How a task looks in chat: a one-line summary and a card with Done and Cancel buttons while it is open. */
final class TaskCards {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

    private TaskCards() {}

    static String when(@Nullable Instant due, ZoneId zone) {
        return due == null ? "no due date" : WHEN.format(due.atZone(zone)) + " (" + zone.getId() + ")";
    }

    /** "Task #12 *Call Acme* for Bob, due Fri 3 Jan 15:00 (Europe/Berlin), high priority." */
    static String line(Task task, String assignee, ZoneId zone) {
        String due = task.due() == null ? "no due date" : "due " + when(task.due(), zone);
        String priority =
                task.priority() == Priority.NORMAL ? "" : ", " + task.priority().key() + " priority";
        String status =
                task.status() == TaskStatus.OPEN ? "" : " [" + task.status().key() + "]";
        return "Task #" + task.id() + " *" + task.title() + "* for " + assignee + ", " + due + priority + status;
    }

    static Reply.Card card(Task task, String assignee, ZoneId zone) {
        List<Reply.Button> buttons = task.status() == TaskStatus.OPEN
                ? List.of(
                        new Reply.Button("Done", "task done " + task.id(), Reply.Button.Style.PRIMARY),
                        new Reply.Button("Cancel", "task cancel " + task.id(), Reply.Button.Style.DANGER))
                : List.of();
        return new Reply.Card(
                "#" + task.id() + " " + task.title(),
                List.of(
                        new Reply.Field("Assignee", assignee),
                        new Reply.Field("Due", when(task.due(), zone)),
                        new Reply.Field("Priority", task.priority().key()),
                        new Reply.Field("Status", task.status().key())),
                buttons);
    }
}
