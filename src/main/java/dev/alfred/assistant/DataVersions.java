package dev.alfred.assistant;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.UUID;

/**
 * A counter per tenant that moves whenever data the assistant reads changes, so that a cached
 * answer over older data is never served. Database triggers on the feature tables (tasks,
 * meetings, metric values) move it, whoever writes: a tool, a command, the API or a sync. A
 * feature whose data the assistant reads adds the same triggers to its tables.
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
}
