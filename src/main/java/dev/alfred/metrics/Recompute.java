package dev.alfred.metrics;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.UUID;

/**
 * Recomputes every metric of a tenant for every month, in PostgreSQL: one statement
 * ({@code recompute.sql}) builds each customer's MRR as a running sum of its changes, classifies
 * the changes into movements, and derives the rest with window functions. Callers hold the
 * transaction, so readers see the old values or the new ones, never a mix.
 */
@Singleton
class Recompute {

    private final JdbcOperations jdbc;
    private final String statement;
    private final String workMem;

    Recompute(
            JdbcOperations jdbc,
            @Value("${alfred.metrics.churn-months:6}") int churnMonths,
            @Value("${alfred.metrics.work-mem:256MB}") String workMem) {
        if (churnMonths < 1 || churnMonths > 36) {
            throw new IllegalArgumentException("alfred.metrics.churn-months must be between 1 and 36");
        }
        if (!workMem.matches("\\d{1,7}(kB|MB|GB)")) {
            throw new IllegalArgumentException(
                    "alfred.metrics.work-mem is a PostgreSQL size such as 256MB: " + workMem);
        }
        this.jdbc = jdbc;
        this.workMem = workMem;
        this.statement = load().replace("{churn_months}", Integer.toString(churnMonths));
    }

    /** Replaces the tenant's computed values with ones for every month up to {@code current}. */
    void run(UUID tenantId, YearMonth current) {
        // The per-customer sorts fit in memory instead of spilling to disk; only for this transaction.
        jdbc.prepareStatement("SET LOCAL work_mem = '" + workMem + "'", set -> set.execute());
        // The planner cannot estimate how few (month, movement) groups there are and would sort a
        // million rows to group them; a sort it cannot avoid (the one by customer) still happens.
        jdbc.prepareStatement("SET LOCAL enable_sort = off", set -> set.execute());
        jdbc.prepareStatement("DELETE FROM metrics_value WHERE tenant_id = ?", delete -> {
            delete.setObject(1, tenantId);
            return delete.executeUpdate();
        });
        jdbc.prepareStatement(statement, insert -> {
            insert.setObject(1, tenantId);
            insert.setObject(2, LocalDate.of(current.getYear(), current.getMonth(), 1));
            return insert.executeUpdate();
        });
    }

    private static String load() {
        try (InputStream in = Objects.requireNonNull(
                Recompute.class.getResourceAsStream("recompute.sql"), "recompute.sql is missing")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
