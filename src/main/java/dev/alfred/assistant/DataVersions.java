package dev.alfred.assistant;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.UUID;

/**
 * A counter per tenant that moves whenever data the assistant reads changes, so that a cached
 * answer over older data is never served. Writing tools move it; so do database triggers on the
 * feature tables (tasks, meetings, metrics), which catch writes through commands and the API too.
 */
@Singleton
class DataVersions {

    private final JdbcOperations jdbc;

    DataVersions(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    long current(UUID tenantId) {
        return jdbc.prepareStatement("SELECT version FROM tenant_data_version WHERE tenant_id = ?", statement -> {
            statement.setObject(1, tenantId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getLong(1) : 0L;
            }
        });
    }

    void bump(UUID tenantId) {
        jdbc.prepareStatement("""
                INSERT INTO tenant_data_version (tenant_id, version) VALUES (?, 1)
                ON CONFLICT (tenant_id) DO UPDATE SET version = tenant_data_version.version + 1""", statement -> {
            statement.setObject(1, tenantId);
            return statement.executeUpdate();
        });
    }
}
