package dev.alfred.metrics;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads computed values and manual entries and writes manual entries. Callers hold the transaction. */
@Singleton
class MetricsStore {

    private final JdbcOperations jdbc;

    MetricsStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The metric in every period from {@code from} to {@code to}: the computed value of the channel
     * ({@code ""} for the company), and for the company the newest manual entry, which wins.
     */
    List<MetricPoint> points(UUID tenantId, Metric metric, String channel, Period from, Period to) {
        record Computed(BigDecimal value, String note) {}
        Map<String, Computed> computed = new HashMap<>();
        jdbc.prepareStatement(
                "SELECT period, value, note FROM metrics_value WHERE tenant_id = ? AND key = ? AND channel = ? "
                        + "AND period BETWEEN ? AND ?",
                select -> {
                    select.setObject(1, tenantId);
                    select.setString(2, metric.key());
                    select.setString(3, channel);
                    select.setString(4, from.toString());
                    select.setString(5, to.toString());
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            computed.put(rows.getString(1), new Computed(rows.getBigDecimal(2), rows.getString(3)));
                        }
                    }
                    return null;
                });
        Map<String, MetricPoint> manual = channel.isEmpty() ? manual(tenantId, metric, from, to) : Map.of();
        List<MetricPoint> points = new ArrayList<>();
        for (Period period = from; period.compareTo(to) <= 0; period = period.minus(-1)) {
            String key = period.toString();
            Computed value = computed.get(key);
            MetricPoint entered = manual.get(key);
            if (entered != null) {
                points.add(new MetricPoint(
                        key,
                        entered.manual(),
                        "manual",
                        value == null ? null : value.value(),
                        value == null ? null : value.note(),
                        entered.manual(),
                        entered.manualNote(),
                        entered.enteredBy(),
                        entered.enteredAt()));
            } else if (value != null) {
                points.add(new MetricPoint(
                        key, value.value(), "computed", value.value(), value.note(), null, null, null, null));
            } else {
                points.add(MetricPoint.empty(period));
            }
        }
        return points;
    }

    private Map<String, MetricPoint> manual(UUID tenantId, Metric metric, Period from, Period to) {
        return jdbc.prepareStatement("""
                SELECT DISTINCT ON (m.period) m.period, m.value, m.note, u.name, m.entered_at
                FROM metrics_manual_entry m JOIN app_user u ON u.id = m.entered_by
                WHERE m.tenant_id = ? AND m.key = ? AND m.period BETWEEN ? AND ?
                ORDER BY m.period, m.entered_at DESC, m.id""", select -> {
            select.setObject(1, tenantId);
            select.setString(2, metric.key());
            select.setString(3, from.toString());
            select.setString(4, to.toString());
            Map<String, MetricPoint> entries = new HashMap<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Timestamp at = rows.getTimestamp(5);
                    entries.put(
                            rows.getString(1),
                            new MetricPoint(
                                    rows.getString(1),
                                    rows.getBigDecimal(2),
                                    "manual",
                                    null,
                                    null,
                                    rows.getBigDecimal(2),
                                    rows.getString(3),
                                    rows.getString(4),
                                    at.toInstant()));
                }
            }
            return entries;
        });
    }

    void enter(UUID tenantId, UUID userId, Metric metric, Period period, BigDecimal value, String note) {
        jdbc.prepareStatement("""
                INSERT INTO metrics_manual_entry (id, tenant_id, key, period, value, note, entered_by, entered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, clock_timestamp())""", insert -> {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, tenantId);
            insert.setString(3, metric.key());
            insert.setString(4, period.toString());
            insert.setBigDecimal(5, value);
            insert.setString(6, note);
            insert.setObject(7, userId);
            return insert.executeUpdate();
        });
    }
}
