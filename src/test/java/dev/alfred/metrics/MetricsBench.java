package dev.alfred.metrics;

import dev.alfred.bench.BenchReport;
import dev.alfred.identity.ApiKeyService;
import dev.alfred.testing.AlfredProperties;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Recomputes every metric for 24 months over 1,000,000 subscription rows and 100,000 expenses
 * (generated in PostgreSQL), then syncs 100,000 subscription rows from the fake Sheets API (token,
 * batchGet, parse, replace, recompute). Reports seconds and the JVM's peak heap. Run with
 * {@code ./mvnw -Pbench verify}.
 */
class MetricsBench {

    private static final YearMonth CURRENT = YearMonth.of(2026, 11);

    @Test
    void recompute_and_sync() throws Exception {
        BenchReport report = new BenchReport(
                "metrics", "step", "rows", "seconds (runs)", "median s", "peak JVM heap MiB", "heap before MiB");
        try (FakeSheets sheets = new FakeSheets()) {
            String key = sheets.keyFile(Files.createTempDirectory("sheets")).toString();
            var properties = AlfredProperties.fresh(
                    "alfred.sheets.credentials",
                    key,
                    "alfred.sheets.api-url",
                    sheets.uri().toString(),
                    "alfred.jobs.enabled",
                    "false");
            try (ApplicationContext context = ApplicationContext.run(new HashMap<String, Object>(properties))) {
                UUID tenant = context.getBean(ApiKeyService.class)
                        .authenticate(AlfredProperties.OWNER_KEY)
                        .orElseThrow()
                        .tenantId();
                TransactionOperations<Connection> tx = context.getBean(TransactionOperations.class);
                JdbcOperations jdbc = context.getBean(JdbcOperations.class);
                Recompute recompute = context.getBean(Recompute.class);
                tx.executeWrite(status -> generate(jdbc, tenant));

                List<Double> runs = new ArrayList<>();
                long before = heapUsed();
                resetPeaks();
                for (int i = 0; i < 3; i++) {
                    long start = System.nanoTime();
                    tx.executeWrite(status -> {
                        recompute.run(tenant, CURRENT);
                        return null;
                    });
                    runs.add((System.nanoTime() - start) / 1e9);
                }
                row(
                        report,
                        "recompute all metrics, 24 months",
                        "1,000,000 subscriptions + 100,000 expenses",
                        runs,
                        before);

                sheets.tab("subscriptions", subscriptions(100_000));
                sheets.tab("expenses", SheetCells.of(WorkedCases.EXPENSES));
                sheets.tab("projects", SheetCells.of(WorkedCases.PROJECTS));
                sheets.tab("strategic", SheetCells.of(WorkedCases.STRATEGIC));
                SyncService sync = context.getBean(SyncService.class);
                SheetStore store = context.getBean(SheetStore.class);
                SyncRuns syncRuns = context.getBean(SyncRuns.class);
                tx.executeWrite(status -> {
                    store.save(tenant, new SheetStore.Sheet("bench-spreadsheet-id", Map.of(), "daily"));
                    return null;
                });
                List<Double> syncs = new ArrayList<>();
                before = heapUsed();
                resetPeaks();
                for (int i = 0; i < 3; i++) {
                    UUID run = tx.executeWrite(status -> syncRuns.start(tenant, "sheets"))
                            .id();
                    long start = System.nanoTime();
                    sync.runSync(run);
                    syncs.add((System.nanoTime() - start) / 1e9);
                    String status = tx.executeRead(s -> syncRuns.find(tenant, run))
                            .orElseThrow()
                            .status();
                    if (!status.equals("ok")) {
                        throw new IllegalStateException("sync " + run + " ended " + status);
                    }
                }
                row(report, "sync from the fake Sheets API incl. recompute", "100,000 subscriptions", syncs, before);
            }
        }
        report.publish();
    }

    private static Object generate(JdbcOperations jdbc, UUID tenant) {
        jdbc.execute(connection -> {
            try (var seed = connection.createStatement()) {
                seed.execute("SELECT setseed(0.42)");
            }
            try (var insert = connection.prepareStatement("""
                    INSERT INTO metrics_subscription (tenant_id, row_no, customer_id, channel, plan, amount,
                        billing_interval, quantity, discount_pct, discount_forever, trial_end, start_date, end_date)
                    SELECT ?, g, 'C' || (g % 200000), (ARRAY['ads', 'partner', 'organic', 'events'])[1 + g % 4], 'pro',
                        (CASE WHEN g % 25 = 0 THEN 0 ELSE 10 + floor(random() * 190) END)::numeric,
                        (ARRAY['month', 'month', 'month', 'quarter', 'year'])[1 + (g / 7) % 5], 1 + g % 3,
                        CASE WHEN g % 10 = 0 THEN 20 ELSE 0 END, g % 20 = 0,
                        CASE WHEN g % 7 = 0 THEN s + 14 END, s,
                        CASE WHEN random() < 0.3 THEN s + (30 + floor(random() * 500))::int END
                    FROM (SELECT g, DATE '2024-12-01' + floor(random() * 720)::int AS s
                          FROM generate_series(1, 1000000) g) x""")) {
                insert.setObject(1, tenant);
                insert.executeUpdate();
            }
            try (var insert = connection.prepareStatement("""
                    INSERT INTO metrics_expense (tenant_id, row_no, spent_on, category, channel, amount)
                    SELECT ?, g, DATE '2024-12-01' + g % 720, (ARRAY['sales', 'marketing', 'cogs', 'other'])[1 + g % 4],
                        (ARRAY['ads', 'partner', 'organic', 'events'])[1 + (g / 4) % 4], (50 + g % 500)::numeric
                    FROM generate_series(1, 100000) g""")) {
                insert.setObject(1, tenant);
                insert.executeUpdate();
            }
            try (var analyze = connection.createStatement()) {
                analyze.execute("ANALYZE metrics_subscription");
                analyze.execute("ANALYZE metrics_expense");
            }
            return null;
        });
        return null;
    }

    private static List<List<Object>> subscriptions(int count) {
        Random random = new Random(7);
        List<List<Object>> rows = new ArrayList<>(count + 1);
        rows.add(List.of(
                "customer_id",
                "customer_name",
                "segment",
                "channel",
                "plan",
                "amount",
                "interval",
                "quantity",
                "discount_pct",
                "discount_forever",
                "trial_end",
                "start_date",
                "end_date"));
        long first = LocalDate.of(2024, 12, 1).toEpochDay()
                - LocalDate.of(1899, 12, 30).toEpochDay();
        for (int i = 0; i < count; i++) {
            long start = first + random.nextInt(720);
            rows.add(List.of(
                    "C" + random.nextInt(20_000),
                    "Customer " + i,
                    "smb",
                    List.of("ads", "partner", "organic").get(i % 3),
                    "pro",
                    10 + random.nextInt(190),
                    List.of("month", "quarter", "year").get(i % 3),
                    1 + i % 3,
                    i % 10 == 0 ? 20 : 0,
                    i % 20 == 0,
                    i % 7 == 0 ? (Object) (start + 14) : "",
                    start,
                    random.nextInt(10) < 3 ? (Object) (start + 30 + random.nextInt(500)) : ""));
        }
        return rows;
    }

    private static void row(BenchReport report, String step, String rows, List<Double> seconds, long before) {
        List<Double> sorted = seconds.stream().sorted().toList();
        report.row(
                step,
                rows,
                String.join(
                        ", ",
                        seconds.stream().map(s -> String.format("%.2f", s)).toList()),
                String.format("%.2f", sorted.get(sorted.size() / 2)),
                peakHeap() / (1024 * 1024),
                before / (1024 * 1024));
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long heapUsed() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The sum of the heap pools' peaks since the last reset: an upper bound of the heap in use at once. */
    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
    }
}
