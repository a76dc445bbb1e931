package dev.alfred.metrics;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Types;
import java.util.Collections;
import java.util.UUID;

/** Replaces a tenant's rows of one tab. Callers hold the transaction, so a failure keeps the old rows. */
@Singleton
class TabStore {

    private static final int BATCH = 2_000;

    private final JdbcOperations jdbc;

    TabStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Makes the caller's transaction the only one changing the tenant's metrics data until it ends:
     * two replacements at once would each keep the other's new rows.
     */
    void lock(UUID tenantId) {
        jdbc.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended('metrics:' || ?, 0))", select -> {
            select.setString(1, tenantId.toString());
            return select.execute();
        });
    }

    void replace(UUID tenantId, ParsedTab parsed) {
        Tab tab = parsed.tab();
        jdbc.prepareStatement("DELETE FROM " + tab.table() + " WHERE tenant_id = ?", delete -> {
            delete.setObject(1, tenantId);
            return delete.executeUpdate();
        });
        int columns = tab.columns().size() + (tab.numbered() ? 1 : 0);
        String sql = "INSERT INTO " + tab.table() + " (tenant_id, " + (tab.numbered() ? "row_no, " : "")
                + String.join(", ", tab.columns()) + ") VALUES (?"
                + String.join("", Collections.nCopies(columns, ", ?"))
                + ")";
        int skip = tab.numbered() ? 0 : 1;
        jdbc.prepareStatement(sql, insert -> {
            int pending = 0;
            for (Object[] row : parsed.rows()) {
                insert.setObject(1, tenantId);
                for (int i = skip; i < row.length; i++) {
                    Object value = row[i];
                    if (value == null) {
                        insert.setNull(i + 2 - skip, Types.NULL);
                    } else {
                        insert.setObject(i + 2 - skip, value);
                    }
                }
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
            return null;
        });
    }
}
