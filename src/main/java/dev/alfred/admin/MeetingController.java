package dev.alfred.admin;

import dev.alfred.identity.Actor;
import dev.alfred.meeting.Meeting;
import dev.alfred.meeting.MeetingService;
import dev.alfred.meeting.NewMeeting;
import dev.alfred.problem.Problem;
import dev.alfred.time.TimePhrases;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Meetings: schedule (409 naming who is busy), list upcoming, read, cancel. */
@Controller("/api/v1/meetings")
@SecurityRequirement(name = "bearer")
class MeetingController {

    private final MeetingService meetings;
    private final JsonMapper json;

    MeetingController(MeetingService meetings, JsonMapper json) {
        this.meetings = meetings;
        this.json = json;
    }

    /** A meeting as JSON; {@code start} is ISO-8601 with the caller's offset, {@code attendees} include the organizer. */
    @Serdeable
    record MeetingJson(
            long id, String title, UUID organizerId, List<UUID> attendees, String start, int durationMinutes) {

        static MeetingJson of(Meeting meeting, ZoneId zone) {
            return new MeetingJson(
                    meeting.id(),
                    meeting.title(),
                    meeting.organizerId(),
                    meeting.attendees(),
                    DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                            meeting.start().atZone(zone)),
                    meeting.durationMinutes());
        }
    }

    @Get
    List<MeetingJson> list(@Parameter(hidden = true) Actor actor, @QueryValue @Nullable Integer size) {
        return meetings.upcoming(actor, size == null ? 50 : size).stream()
                .map(meeting -> MeetingJson.of(meeting, zone(actor)))
                .toList();
    }

    @Post
    HttpResponse<MeetingJson> create(@Parameter(hidden = true) Actor actor, @Body byte[] body) {
        JsonObject input = JsonObject.read(json, body, Set.of("title", "attendees", "start", "durationMinutes"));
        String start = input.text("start");
        if (start == null) {
            throw Problem.invalid("start is required, e.g. 2026-12-01T10:00:00+01:00");
        }
        Meeting meeting = meetings.schedule(
                actor,
                new NewMeeting(
                        input.text("title") == null ? "" : input.text("title"),
                        input.texts("attendees").stream().map(this::userId).toList(),
                        TimePhrases.iso(start, zone(actor))
                                .orElseThrow(() -> Problem.invalid("start must be an ISO-8601 date-time such as"
                                        + " 2026-12-01T10:00:00+01:00, not '" + start + "'"))
                                .toInstant(),
                        input.integer("durationMinutes")));
        return HttpResponse.created(MeetingJson.of(meeting, zone(actor)));
    }

    @Get("/{id}")
    MeetingJson get(@Parameter(hidden = true) Actor actor, long id) {
        return MeetingJson.of(meetings.get(actor, id), zone(actor));
    }

    @Delete("/{id}")
    HttpResponse<?> cancel(@Parameter(hidden = true) Actor actor, long id) {
        meetings.cancel(actor, id);
        return HttpResponse.status(HttpStatus.NO_CONTENT);
    }

    private String userId(String value) {
        try {
            return UUID.fromString(value).toString();
        } catch (IllegalArgumentException e) {
            throw Problem.invalid("attendees must be user ids (UUIDs), not '" + value + "'");
        }
    }

    private static ZoneId zone(Actor actor) {
        return ZoneId.of(actor.timezone());
    }
}
