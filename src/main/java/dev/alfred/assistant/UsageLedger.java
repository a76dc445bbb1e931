package dev.alfred.assistant;

import dev.alfred.identity.Actor;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Turns and provider calls with their tokens and cost, and the sums the limits and alerts need.
 * Days and months of spend are UTC; a person's daily message count uses their own time zone.
 */
@Singleton
class UsageLedger {

    private final JdbcOperations jdbc;

    UsageLedger(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    void recordTurn(Actor actor) {
        jdbc.prepareStatement("INSERT INTO assistant_turn (tenant_id, user_id) VALUES (?, ?)", statement -> {
            statement.setObject(1, actor.tenantId());
            statement.setObject(2, actor.userId());
            return statement.executeUpdate();
        });
    }

    int turnsToday(Actor actor, ZoneId zone, Instant now) {
        Timestamp start =
                Timestamp.from(LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant());
        return jdbc.prepareStatement("SELECT count(*) FROM assistant_turn WHERE user_id = ? AND at >= ?", statement -> {
            statement.setObject(1, actor.userId());
            statement.setTimestamp(2, start);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        });
    }

    void recordCall(
            Actor actor, String bot, Provider provider, int promptTokens, int completionTokens, BigDecimal cost) {
        jdbc.prepareStatement("""
                INSERT INTO assistant_usage
                    (tenant_id, user_id, bot, provider, model, prompt_tokens, completion_tokens, cost_usd)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", statement -> {
            statement.setObject(1, actor.tenantId());
            statement.setObject(2, actor.userId());
            statement.setString(3, bot);
            statement.setString(4, provider.kind());
            statement.setString(5, provider.model());
            statement.setInt(6, promptTokens);
            statement.setInt(7, completionTokens);
            statement.setBigDecimal(8, cost);
            return statement.executeUpdate();
        });
    }

    /** What the tenant spent since the start of {@code day}'s month (UTC). */
    BigDecimal monthCost(UUID tenantId, LocalDate day) {
        return cost(tenantId, day.withDayOfMonth(1), day.plusDays(1));
    }

    BigDecimal dayCost(UUID tenantId, LocalDate day) {
        return cost(tenantId, day, day.plusDays(1));
    }

    private BigDecimal cost(UUID tenantId, LocalDate from, LocalDate to) {
        return jdbc.prepareStatement(
                "SELECT coalesce(sum(cost_usd), 0) FROM assistant_usage WHERE tenant_id = ? AND at >= ? AND at < ?",
                statement -> {
                    statement.setObject(1, tenantId);
                    statement.setTimestamp(2, utc(from));
                    statement.setTimestamp(3, utc(to));
                    try (ResultSet row = statement.executeQuery()) {
                        row.next();
                        return row.getBigDecimal(1);
                    }
                });
    }

    /** True the first time it is called for this tenant and day: the alert goes out once. */
    boolean claimAlert(UUID tenantId, LocalDate day) {
        return jdbc.prepareStatement(
                        "INSERT INTO assistant_cost_alert (tenant_id, day) VALUES (?, ?) ON CONFLICT DO NOTHING",
                        statement -> {
                            statement.setObject(1, tenantId);
                            statement.setObject(2, day);
                            return statement.executeUpdate();
                        })
                == 1;
    }

    /** Usage per UTC day, person, bot, provider and model in {@code [from, to]}. */
    List<UsageRow> report(UUID tenantId, LocalDate from, LocalDate to) {
        return jdbc.prepareStatement("""
                SELECT (at AT TIME ZONE 'UTC')::date AS day, user_id, bot, provider, model,
                       sum(prompt_tokens) AS prompt, sum(completion_tokens) AS completion, sum(cost_usd) AS cost
                FROM assistant_usage
                WHERE tenant_id = ? AND at >= ? AND at < ?
                GROUP BY 1, 2, 3, 4, 5
                ORDER BY 1, 3, 4, 5, 2""", statement -> {
            statement.setObject(1, tenantId);
            statement.setTimestamp(2, utc(from));
            statement.setTimestamp(3, utc(to.plusDays(1)));
            List<UsageRow> rows = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    rows.add(new UsageRow(
                            row.getObject("day", LocalDate.class),
                            row.getObject("user_id", UUID.class),
                            row.getString("bot"),
                            row.getString("provider"),
                            row.getString("model"),
                            row.getLong("prompt"),
                            row.getLong("completion"),
                            row.getBigDecimal("cost")));
                }
            }
            return rows;
        });
    }

    private static Timestamp utc(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
