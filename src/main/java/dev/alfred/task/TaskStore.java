package dev.alfred.task;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The {@code task} table. Callers hold the transaction and have checked permissions. */
@Singleton
class TaskStore {

    private static final String COLUMNS =
            "t.id, t.tenant_id, t.title, t.description, t.assignee_id, t.creator_id, t.due, t.priority, t.status, t.source";

    /** Which tasks a list reads: the filters, and the visibility the service worked out. */
    record Query(
            UUID tenantId,
            @Nullable UUID assigneeId,
            @Nullable UUID creatorId,
            @Nullable UUID notAssigneeId,
            @Nullable TaskStatus status,
            Visibility visibility,
            int limit) {}

    /**
     * Whose tasks the reader may see besides their own: nobody else's, everyone's, or those of the
     * assignees in one department.
     */
    record Visibility(
            UUID reader, boolean everyone, @Nullable String department) {}

    private final JdbcOperations jdbc;

    TaskStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    Task insert(Task task) {
        long id = jdbc.prepareStatement("""
                INSERT INTO task (tenant_id, title, description, assignee_id, creator_id, due, priority, status, source)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", statement -> {
            statement.setObject(1, task.tenantId());
            statement.setString(2, task.title());
            statement.setString(3, task.description());
            statement.setObject(4, task.assigneeId());
            statement.setObject(5, task.creatorId());
            setInstant(statement, 6, task.due());
            statement.setString(7, task.priority().key());
            statement.setString(8, task.status().key());
            statement.setString(9, task.source());
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
        return new Task(
                id,
                task.tenantId(),
                task.title(),
                task.description(),
                task.assigneeId(),
                task.creatorId(),
                task.due(),
                task.priority(),
                task.status(),
                task.source());
    }

    /** The task with this id in this tenant, locked for update. */
    Optional<Task> find(UUID tenantId, long id) {
        return jdbc.prepareStatement(
                "SELECT " + COLUMNS + " FROM task t WHERE t.tenant_id = ? AND t.id = ? FOR UPDATE", statement -> {
                    statement.setObject(1, tenantId);
                    statement.setLong(2, id);
                    try (ResultSet row = statement.executeQuery()) {
                        return row.next() ? Optional.of(task(row)) : Optional.<Task>empty();
                    }
                });
    }

    /** A task by id alone, for the reminder job that only knows the id. */
    Optional<Task> findForReminder(long id) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM task t WHERE t.id = ?", statement -> {
            statement.setLong(1, id);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(task(row)) : Optional.<Task>empty();
            }
        });
    }

    void update(Task task) {
        jdbc.prepareStatement(
                "UPDATE task SET assignee_id = ?, due = ?, status = ?, updated_at = now() WHERE id = ? AND tenant_id = ?",
                statement -> {
                    statement.setObject(1, task.assigneeId());
                    setInstant(statement, 2, task.due());
                    statement.setString(3, task.status().key());
                    statement.setLong(4, task.id());
                    statement.setObject(5, task.tenantId());
                    return statement.executeUpdate();
                });
    }

    /** The department of a user, which is their team. */
    Optional<String> department(UUID tenantId, UUID userId) {
        return jdbc.prepareStatement("SELECT department FROM app_user WHERE tenant_id = ? AND id = ?", statement -> {
            statement.setObject(1, tenantId);
            statement.setObject(2, userId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.ofNullable(row.getString(1)) : Optional.<String>empty();
            }
        });
    }

    /** Open tasks first, then by due time (undated last), newest first among equals. */
    List<Task> list(Query query) {
        String sql = "SELECT " + COLUMNS + " FROM task t JOIN app_user a ON a.id = t.assignee_id"
                + " WHERE t.tenant_id = ?"
                + " AND (t.assignee_id = ? OR t.creator_id = ? OR ? OR (? AND a.department IS NOT DISTINCT FROM ?))"
                + " AND (?::uuid IS NULL OR t.assignee_id = ?)"
                + " AND (?::uuid IS NULL OR t.creator_id = ?)"
                + " AND (?::uuid IS NULL OR t.assignee_id <> ?)"
                + " AND (?::text IS NULL OR t.status = ?)"
                + " ORDER BY t.status = 'open' DESC, t.due ASC NULLS LAST, t.id DESC LIMIT ?";
        return jdbc.prepareStatement(sql, statement -> {
            Visibility visibility = query.visibility();
            int i = 1;
            statement.setObject(i++, query.tenantId());
            statement.setObject(i++, visibility.reader());
            statement.setObject(i++, visibility.reader());
            statement.setBoolean(i++, visibility.everyone());
            statement.setBoolean(i++, visibility.department() != null);
            statement.setString(i++, visibility.department());
            for (UUID id : new UUID[] {query.assigneeId(), query.creatorId(), query.notAssigneeId()}) {
                statement.setObject(i++, id, Types.OTHER);
                statement.setObject(i++, id, Types.OTHER);
            }
            String status = query.status() == null ? null : query.status().key();
            statement.setString(i++, status);
            statement.setString(i++, status);
            statement.setInt(i, query.limit());
            List<Task> tasks = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    tasks.add(task(rows));
                }
            }
            return tasks;
        });
    }

    private static void setInstant(PreparedStatement statement, int index, @Nullable Instant instant)
            throws SQLException {
        statement.setTimestamp(index, instant == null ? null : Timestamp.from(instant));
    }

    private static Task task(ResultSet row) throws SQLException {
        Timestamp due = row.getTimestamp(7);
        return new Task(
                row.getLong(1),
                row.getObject(2, UUID.class),
                row.getString(3),
                row.getString(4),
                row.getObject(5, UUID.class),
                row.getObject(6, UUID.class),
                due == null ? null : due.toInstant(),
                Priority.of(row.getString(8)),
                TaskStatus.of(row.getString(9)),
                row.getString(10));
    }
}
