package dev.alfred.metrics;

import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Each tenant's sheet settings and when its last scheduled sync was queued. Callers hold the transaction. */
@Singleton
class SheetStore {

    /** A tenant's sheet: id, tab names by tab key, schedule. */
    record Sheet(String spreadsheetId, Map<String, String> tabs, String schedule) {}

    private final JdbcOperations jdbc;
    private final JsonMapper json;

    SheetStore(JdbcOperations jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<Sheet> find(UUID tenantId) {
        return jdbc.prepareStatement(
                "SELECT spreadsheet_id, tabs::text, schedule FROM metrics_sheet WHERE tenant_id = ?", select -> {
                    select.setObject(1, tenantId);
                    try (ResultSet rows = select.executeQuery()) {
                        if (!rows.next()) {
                            return Optional.<Sheet>empty();
                        }
                        Map<String, String> tabs =
                                json.readValue(rows.getString(2), Argument.mapOf(String.class, String.class));
                        return Optional.of(new Sheet(rows.getString(1), tabs, rows.getString(3)));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    void save(UUID tenantId, Sheet sheet) {
        String tabs;
        try {
            tabs = json.writeValueAsString(sheet.tabs());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jdbc.prepareStatement("""
                INSERT INTO metrics_sheet (tenant_id, spreadsheet_id, tabs, schedule) VALUES (?, ?, CAST(? AS jsonb), ?)
                ON CONFLICT (tenant_id) DO UPDATE SET spreadsheet_id = excluded.spreadsheet_id,
                    tabs = excluded.tabs, schedule = excluded.schedule, updated_at = now()""", upsert -> {
            upsert.setObject(1, tenantId);
            upsert.setString(2, sheet.spreadsheetId());
            upsert.setString(3, tabs);
            upsert.setString(4, sheet.schedule());
            return upsert.executeUpdate();
        });
    }

    /** Marks every tenant whose schedule is due as queued now and returns them. */
    List<UUID> takeDue() {
        return jdbc.prepareStatement("""
                UPDATE metrics_sheet SET last_queued_at = now()
                WHERE last_queued_at IS NULL OR last_queued_at <= now() - CASE schedule
                    WHEN 'daily' THEN interval '1 day' WHEN 'weekly' THEN interval '7 days' ELSE interval '1 month' END
                RETURNING tenant_id""", update -> {
            List<UUID> due = new ArrayList<>();
            try (ResultSet rows = update.executeQuery()) {
                while (rows.next()) {
                    due.add(rows.getObject(1, UUID.class));
                }
            }
            return due;
        });
    }
}
