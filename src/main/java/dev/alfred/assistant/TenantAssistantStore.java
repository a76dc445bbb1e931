package dev.alfred.assistant;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.UUID;

/** Reads and writes {@link TenantAssistant} rows. Callers hold the transaction. */
@Singleton
class TenantAssistantStore {

    private final JdbcOperations jdbc;

    TenantAssistantStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    TenantAssistant get(UUID tenantId) {
        return jdbc.prepareStatement(
                "SELECT chain, prompt, monthly_budget_usd, daily_alert_usd FROM assistant_tenant WHERE tenant_id = ?",
                statement -> {
                    statement.setObject(1, tenantId);
                    try (ResultSet row = statement.executeQuery()) {
                        return row.next()
                                ? new TenantAssistant(
                                        row.getString(1), row.getString(2), row.getBigDecimal(3), row.getBigDecimal(4))
                                : TenantAssistant.DEFAULTS;
                    }
                });
    }

    void put(UUID tenantId, TenantAssistant settings) {
        jdbc.prepareStatement("""
                INSERT INTO assistant_tenant (tenant_id, chain, prompt, monthly_budget_usd, daily_alert_usd)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (tenant_id) DO UPDATE SET chain = excluded.chain, prompt = excluded.prompt,
                    monthly_budget_usd = excluded.monthly_budget_usd, daily_alert_usd = excluded.daily_alert_usd""", statement -> {
            statement.setObject(1, tenantId);
            statement.setString(2, settings.chain());
            statement.setString(3, settings.prompt());
            statement.setBigDecimal(4, settings.monthlyBudgetUsd());
            statement.setBigDecimal(5, settings.dailyAlertUsd());
            return statement.executeUpdate();
        });
    }
}
