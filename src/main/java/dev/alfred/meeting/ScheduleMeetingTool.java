package dev.alfred.meeting;

import dev.alfred.assistant.AssistantTool;
import dev.alfred.assistant.ToolCaller;
import dev.alfred.assistant.ToolParameter;
import dev.alfred.assistant.ToolResult;
import dev.alfred.problem.Problem;
import dev.alfred.time.TimePhrases;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** {@code schedule_meeting}: a meeting with colleagues after a conflict check, with the .ics invitation. */
@Singleton
class ScheduleMeetingTool implements AssistantTool<ScheduleMeetingTool.Input> {

    record Input(
            @ToolParameter(value = "What the meeting is about, e.g. \"Budget\"", required = true)
            String title,

            @ToolParameter("Who else attends: names, @mentions or user ids; the person asking always attends") @Nullable
            List<String> attendees,

            @ToolParameter(
                    value = "When it starts: ISO date-time, with or without offset, e.g. 2026-11-24T10:00:00+01:00",
                    required = true)
            String start,

            @ToolParameter("How long, in minutes; 30 when left out") @Nullable
            Integer durationMinutes) {}

    private final MeetingService meetings;
    private final Clock clock;

    ScheduleMeetingTool(MeetingService meetings, Clock clock) {
        this.meetings = meetings;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "schedule_meeting";
    }

    @Override
    public String description() {
        return "Schedule a meeting with colleagues at a start time for a number of minutes. Refused when an"
                + " attendee is busy then; the confirmation carries a calendar (.ics) invitation.";
    }

    @Override
    public String feature() {
        return MeetingService.SCHEDULE;
    }

    @Override
    public Class<Input> inputType() {
        return Input.class;
    }

    @Override
    public ToolResult call(Input input, ToolCaller caller) {
        ZonedDateTime start = TimePhrases.parse(
                        input.start(), ZonedDateTime.now(clock).withZoneSameInstant(caller.zone()))
                .orElseThrow(() -> Problem.invalid("I could not read the start '" + input.start()
                        + "'; use an ISO date-time such as 2026-12-01T10:00:00+01:00"));
        Meeting meeting = meetings.schedule(
                caller.actor(),
                new NewMeeting(
                        input.title(),
                        Objects.requireNonNullElse(input.attendees(), List.of()),
                        start.toInstant(),
                        input.durationMinutes()));
        return ToolResult.of(
                        "Scheduled " + meetings.describe(meeting, caller.zone()) + ". The invitation is attached.",
                        Map.of(
                                "id", meeting.id(),
                                "title", meeting.title(),
                                "start",
                                        DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                                                meeting.start().atZone(caller.zone())),
                                "durationMinutes", meeting.durationMinutes(),
                                "attendees",
                                        meeting.attendees().stream()
                                                .map(Object::toString)
                                                .toList()))
                .withAttachment(meetings.invitation(meeting));
    }
}
