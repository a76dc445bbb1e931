package dev.alfred.meeting;

import dev.alfred.assistant.AssistantTool;
import dev.alfred.assistant.ToolCaller;
import dev.alfred.assistant.ToolParameter;
import dev.alfred.assistant.ToolResult;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code list_meetings}: the caller's upcoming meetings. */
@Singleton
class ListMeetingsTool implements AssistantTool<ListMeetingsTool.Input> {

    record Input(
            @ToolParameter("How many at most; 20 when left out") @Nullable
            Integer limit) {}

    private final MeetingService meetings;

    ListMeetingsTool(MeetingService meetings) {
        this.meetings = meetings;
    }

    @Override
    public String name() {
        return "list_meetings";
    }

    @Override
    public String description() {
        return "List the meetings the person attends that have not ended yet, soonest first.";
    }

    @Override
    public String feature() {
        return MeetingService.SCHEDULE;
    }

    @Override
    public boolean readOnly() {
        return true;
    }

    @Override
    public Class<Input> inputType() {
        return Input.class;
    }

    @Override
    public ToolResult call(Input input, ToolCaller caller) {
        List<Meeting> upcoming = meetings.upcoming(caller.actor(), input.limit() == null ? 20 : input.limit());
        String text = meetings.describeUpcoming(upcoming, caller.zone());
        List<Map<String, Object>> data = upcoming.stream()
                .map(m -> Map.<String, Object>of(
                        "id",
                        m.id(),
                        "title",
                        m.title(),
                        "start",
                        m.start().atZone(caller.zone()).toOffsetDateTime().toString(),
                        "durationMinutes",
                        m.durationMinutes()))
                .toList();
        return ToolResult.of(text, data);
    }
}
