package dev.alfred.metrics;

import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The record of every sync and import. Callers hold the transaction. */
@Singleton
class SyncRuns {

    private final JdbcOperations jdbc;
    private final JsonMapper json;

    SyncRuns(JdbcOperations jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The tenant a run belongs to, for the job that carries only the run's id. */
    Optional<UUID> tenantOf(UUID runId) {
        return jdbc.prepareStatement("SELECT tenant_id FROM metrics_sync_run WHERE id = ?", select -> {
            select.setObject(1, runId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getObject(1, UUID.class)) : Optional.<UUID>empty();
            }
        });
    }

    SyncRun start(UUID tenantId, String source) {
        UUID id = UUID.randomUUID();
        jdbc.prepareStatement(
                "INSERT INTO metrics_sync_run (id, tenant_id, source, status) VALUES (?, ?, ?, 'running')", insert -> {
                    insert.setObject(1, id);
                    insert.setObject(2, tenantId);
                    insert.setString(3, source);
                    return insert.executeUpdate();
                });
        return find(tenantId, id).orElseThrow();
    }

    void finish(UUID runId, boolean ok, Map<String, Integer> rows, List<SyncError> errors) {
        jdbc.prepareStatement("""
                UPDATE metrics_sync_run SET status = ?, finished_at = now(), rows = CAST(? AS jsonb),
                errors = CAST(? AS jsonb) WHERE id = ?""", update -> {
            update.setString(1, ok ? "ok" : "failed");
            update.setString(2, write(rows));
            update.setString(3, write(errors));
            update.setObject(4, runId);
            return update.executeUpdate();
        });
    }

    Optional<SyncRun> find(UUID tenantId, UUID id) {
        List<SyncRun> found = select("WHERE tenant_id = ? AND id = ?", tenantId, id, 1);
        return found.stream().findFirst();
    }

    /** The tenant's runs, newest first. */
    List<SyncRun> list(UUID tenantId, int limit) {
        return select("WHERE tenant_id = ?", tenantId, null, limit);
    }

    private List<SyncRun> select(String where, UUID tenantId, @Nullable UUID id, int limit) {
        return jdbc.prepareStatement(
                "SELECT id, source, status, started_at, finished_at, rows::text, errors::text FROM metrics_sync_run "
                        + where + " ORDER BY started_at DESC, id LIMIT " + limit,
                select -> {
                    select.setObject(1, tenantId);
                    if (id != null) {
                        select.setObject(2, id);
                    }
                    List<SyncRun> runs = new ArrayList<>();
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            runs.add(run(rows));
                        }
                    }
                    return runs;
                });
    }

    private SyncRun run(ResultSet rows) throws SQLException {
        Timestamp finished = rows.getTimestamp(5);
        return new SyncRun(
                rows.getObject(1, UUID.class),
                rows.getString(2),
                rows.getString(3),
                rows.getTimestamp(4).toInstant(),
                finished == null ? null : finished.toInstant(),
                read(rows.getString(6), Argument.mapOf(String.class, Integer.class)),
                read(rows.getString(7), Argument.listOf(SyncError.class)));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(String text, Argument<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
