package dev.alfred.meeting;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code meeting} and {@code meeting_attendee} tables. Callers hold the transaction. */
@Singleton
class MeetingStore {

    private static final String SELECT = """
            SELECT m.id, m.tenant_id, m.title, m.organizer_id,
                   (SELECT array_agg(a.user_id ORDER BY a.user_id) FROM meeting_attendee a WHERE a.meeting_id = m.id),
                   m.starts_at, m.duration_minutes
            FROM meeting m""";

    /** An attendee who is busy, and the meeting that keeps them busy. */
    record Busy(UUID userId, Meeting meeting) {}

    private final JdbcOperations jdbc;

    MeetingStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Serialises scheduling within a tenant until the transaction ends, so that two meetings booked
     * at once cannot both pass the conflict check.
     */
    void lockTenant(UUID tenantId) {
        jdbc.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))", statement -> {
            statement.setString(1, "meeting:" + tenantId);
            return statement.execute();
        });
    }

    Meeting insert(Meeting meeting) {
        long id = jdbc.prepareStatement("""
                INSERT INTO meeting (tenant_id, title, organizer_id, starts_at, duration_minutes)
                VALUES (?, ?, ?, ?, ?) RETURNING id""", statement -> {
            statement.setObject(1, meeting.tenantId());
            statement.setString(2, meeting.title());
            statement.setObject(3, meeting.organizerId());
            statement.setTimestamp(4, Timestamp.from(meeting.start()));
            statement.setInt(5, meeting.durationMinutes());
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
        jdbc.prepareStatement(
                "INSERT INTO meeting_attendee (meeting_id, user_id) SELECT ?, unnest(?::uuid[])", statement -> {
                    statement.setLong(1, id);
                    statement.setArray(
                            2,
                            statement
                                    .getConnection()
                                    .createArrayOf("uuid", meeting.attendees().toArray()));
                    return statement.executeUpdate();
                });
        return new Meeting(
                id,
                meeting.tenantId(),
                meeting.title(),
                meeting.organizerId(),
                meeting.attendees(),
                meeting.start(),
                meeting.durationMinutes());
    }

    Optional<Meeting> find(UUID tenantId, long id) {
        List<Meeting> found = query(SELECT + " WHERE m.tenant_id = ? AND m.id = ?", tenantId, id);
        return found.stream().findFirst();
    }

    /** The meetings {@code userId} attends that end after {@code from}, soonest first. */
    List<Meeting> attended(UUID tenantId, UUID userId, Instant from, int limit) {
        return query(
                SELECT + " WHERE m.tenant_id = ? AND m.starts_at + make_interval(mins => m.duration_minutes) > ?"
                        + " AND EXISTS (SELECT 1 FROM meeting_attendee a WHERE a.meeting_id = m.id AND a.user_id = ?)"
                        + " ORDER BY m.starts_at, m.id LIMIT ?",
                tenantId,
                Timestamp.from(from),
                userId,
                limit);
    }

    /** Every meeting of any of {@code users} that overlaps {@code [start, end)}, with who is busy. */
    List<Busy> overlapping(UUID tenantId, List<UUID> users, Instant start, Instant end) {
        return jdbc.prepareStatement("""
                SELECT a.user_id, m.id FROM meeting m JOIN meeting_attendee a ON a.meeting_id = m.id
                WHERE m.tenant_id = ? AND a.user_id = ANY (?::uuid[])
                  AND m.starts_at < ? AND m.starts_at + make_interval(mins => m.duration_minutes) > ?
                ORDER BY m.starts_at, a.user_id""", statement -> {
            statement.setObject(1, tenantId);
            statement.setArray(2, statement.getConnection().createArrayOf("uuid", users.toArray()));
            statement.setTimestamp(3, Timestamp.from(end));
            statement.setTimestamp(4, Timestamp.from(start));
            List<UUID> who = new ArrayList<>();
            List<Long> which = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    who.add(rows.getObject(1, UUID.class));
                    which.add(rows.getLong(2));
                }
            }
            List<Busy> busy = new ArrayList<>();
            for (int i = 0; i < who.size(); i++) {
                busy.add(new Busy(who.get(i), find(tenantId, which.get(i)).orElseThrow()));
            }
            return busy;
        });
    }

    void delete(UUID tenantId, long id) {
        jdbc.prepareStatement("DELETE FROM meeting WHERE tenant_id = ? AND id = ?", statement -> {
            statement.setObject(1, tenantId);
            statement.setLong(2, id);
            return statement.executeUpdate();
        });
    }

    private List<Meeting> query(String sql, Object... parameters) {
        return jdbc.prepareStatement(sql, statement -> {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Meeting> meetings = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    meetings.add(meeting(rows));
                }
            }
            return meetings;
        });
    }

    private static Meeting meeting(ResultSet row) throws SQLException {
        Array attendees = row.getArray(5);
        List<UUID> ids = attendees == null
                ? List.of()
                : Arrays.stream((Object[]) attendees.getArray())
                        .map(UUID.class::cast)
                        .toList();
        return new Meeting(
                row.getLong(1),
                row.getObject(2, UUID.class),
                row.getString(3),
                row.getObject(4, UUID.class),
                ids,
                row.getTimestamp(6).toInstant(),
                row.getInt(7));
    }
}
