package dev.alfred.metrics;

import dev.alfred.problem.Problem;
import java.util.List;
import java.util.Locale;

/** The four tabs of the metrics sheet, the table each fills and the header columns it must have. */
enum Tab {
    SUBSCRIPTIONS(
            "metrics_subscription",
            List.of(
                    "customer_id",
                    "customer_name",
                    "segment",
                    "channel",
                    "plan",
                    "amount",
                    "billing_interval",
                    "quantity",
                    "discount_pct",
                    "discount_forever",
                    "trial_end",
                    "start_date",
                    "end_date"),
            List.of("customer_id", "amount", "interval", "start_date")),
    EXPENSES(
            "metrics_expense",
            List.of("spent_on", "category", "channel", "amount"),
            List.of("date", "category", "amount")),
    PROJECTS(
            "metrics_project",
            List.of("project", "customer_id", "value", "status", "completed_date"),
            List.of("project", "value", "status", "completed_date")),
    STRATEGIC("metrics_strategic", List.of("key", "value"), List.of("key", "value"));

    private final String table;
    private final List<String> columns;
    private final List<String> requiredHeaders;

    Tab(String table, List<String> columns, List<String> requiredHeaders) {
        this.table = table;
        this.columns = columns;
        this.requiredHeaders = requiredHeaders;
    }

    /** The tab's name in the sheet and in the import URL. */
    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    String table() {
        return table;
    }

    /** The table columns a parsed row fills, in order (after tenant and row number). */
    List<String> columns() {
        return columns;
    }

    List<String> requiredHeaders() {
        return requiredHeaders;
    }

    boolean numbered() {
        return this != STRATEGIC;
    }

    static Tab of(String key) {
        for (Tab tab : values()) {
            if (tab.key().equals(key.trim().toLowerCase(Locale.ROOT))) {
                return tab;
            }
        }
        throw Problem.invalid("unknown tab '" + key + "'; tabs are subscriptions, expenses, projects, strategic");
    }
}
