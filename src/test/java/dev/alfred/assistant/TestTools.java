package dev.alfred.assistant;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Tools and an intent that record what they were asked, for the assistant's own tests. */
final class TestTools {

    static final List<String> NOTES = new CopyOnWriteArrayList<>();
    static final List<String> ASSIGNED = new CopyOnWriteArrayList<>();

    private TestTools() {}

    record NoteInput(
            @ToolParameter(value = "what to note", required = true)
            String text,

            Priority priority) {}

    enum Priority {
        LOW,
        HIGH
    }

    record AssignInput(
            @ToolParameter(value = "who", required = true) String assignee) {}

    @Singleton
    @Requires(property = "alfred.test.assistant-tools", value = "true")
    static class NoteTool implements AssistantTool<NoteInput> {
        public String name() {
            return "record_note";
        }

        public String description() {
            return "Records a note.";
        }

        public String feature() {
            return "tasks.create";
        }

        public Class<NoteInput> inputType() {
            return NoteInput.class;
        }

        public ToolResult call(NoteInput input, ToolCaller caller) {
            NOTES.add(input.text());
            return ToolResult.of("Noted: " + input.text() + ".", Map.of("count", NOTES.size()));
        }
    }

    @Singleton
    @Requires(property = "alfred.test.assistant-tools", value = "true")
    static class AssignTool implements AssistantTool<AssignInput> {
        public String name() {
            return "assign_note";
        }

        public String description() {
            return "Assigns the notes to someone else.";
        }

        public String feature() {
            return "tasks.assign";
        }

        public Class<AssignInput> inputType() {
            return AssignInput.class;
        }

        public ToolResult call(AssignInput input, ToolCaller caller) {
            ASSIGNED.add(input.assignee());
            return ToolResult.text("Assigned to " + input.assignee() + ".");
        }
    }

    /** "note buy milk" -> record_note; "give the notes to bob" -> assign_note. */
    @Singleton
    @Requires(property = "alfred.test.assistant-tools", value = "true")
    static class NoteIntent implements OfflineIntent {
        public Optional<Match> match(String message, ZonedDateTime now) {
            String text = message.trim();
            if (text.toLowerCase().startsWith("note ")) {
                return Optional.of(new Match("record_note", Map.of("text", text.substring(5)), 0.9));
            }
            if (text.toLowerCase().startsWith("give the notes to ")) {
                return Optional.of(new Match("assign_note", Map.of("assignee", text.substring(18)), 0.9));
            }
            return Optional.empty();
        }

        public List<String> examples() {
            return List.of("note buy milk", "give the notes to Bob");
        }
    }
}
