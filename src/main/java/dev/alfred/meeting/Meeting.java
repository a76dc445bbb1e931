package dev.alfred.meeting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A meeting as stored; {@code attendees} includes the organizer. */
public record Meeting(
        long id,
        UUID tenantId,
        String title,
        UUID organizerId,
        List<UUID> attendees,
        Instant start,
        int durationMinutes) {

    public Meeting {
        attendees = List.copyOf(attendees);
    }

    public Instant end() {
        return start.plusSeconds(60L * durationMinutes);
    }
}
