package dev.alfred.meeting;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a new meeting says: {@code attendees} are references (names, mentions or user ids) besides the
 * organizer; {@code durationMinutes} defaults to 30.
 */
public record NewMeeting(
        String title,
        List<String> attendees,
        Instant start,
        @Nullable Integer durationMinutes) {}
