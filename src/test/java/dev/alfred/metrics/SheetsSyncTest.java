package dev.alfred.metrics;

import static dev.alfred.testing.AlfredProperties.OWNER_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.alfred.testing.AlfredProperties;
import dev.alfred.testing.ApiClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Syncs through the real Sheets client and OAuth flow against {@link FakeSheets}: settings, a sync
 * with bad rows, a failing sync that keeps the previous data, and the schedule.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SheetsSyncTest implements TestPropertyProvider {

    private static final FakeSheets SHEETS = start();

    @Inject
    EmbeddedServer server;

    @Inject
    SyncService sync;

    private static FakeSheets start() {
        try {
            FakeSheets sheets = new FakeSheets();
            List<List<Object>> subscriptions = new ArrayList<>(SheetCells.of(WorkedCases.SUBSCRIPTIONS));
            // Rows 14-17: an unknown interval, an unparsable amount, no customer id, an impossible date.
            subscriptions.add(List.of("K", "Kilo", "smb", "ads", "pro", 10, "weekly", 1, "", "", "", 46023, ""));
            subscriptions.add(List.of("L", "Lima", "smb", "ads", "pro", "ten", "month", 1, "", "", "", 46023, ""));
            subscriptions.add(List.of("", "Nobody", "smb", "ads", "pro", 10, "month", 1, "", "", "", 46023, ""));
            subscriptions.add(List.of("M", "Mike", "smb", "ads", "pro", 10, "month", 1, "", "", "", "2026-13-01", ""));
            sheets.tab("Subs 2026", subscriptions);
            sheets.tab("expenses", SheetCells.of(WorkedCases.EXPENSES));
            sheets.tab("projects", SheetCells.of(WorkedCases.PROJECTS));
            sheets.tab("strategic", SheetCells.of(WorkedCases.STRATEGIC));
            return sheets;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> getProperties() {
        try {
            String key = SHEETS.keyFile(Files.createTempDirectory("sheets")).toString();
            return AlfredProperties.fresh(
                    "alfred.sheets.credentials",
                    key,
                    "alfred.sheets.api-url",
                    SHEETS.uri().toString(),
                    "alfred.jobs.polling-interval",
                    "100ms");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    void stop() {
        SHEETS.close();
    }

    private ApiClient api() {
        return new ApiClient(server.getURI());
    }

    private Map<String, Object> awaitRun(String runId) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> api().get("/api/v1/metrics/syncs", OWNER_KEY).list().stream()
                        .anyMatch(r ->
                                r.get("id").equals(runId) && !r.get("status").equals("running")));
        return api().get("/api/v1/metrics/syncs", OWNER_KEY).list().stream()
                .filter(r -> r.get("id").equals(runId))
                .findFirst()
                .orElseThrow();
    }

    private BigDecimal mrr(String period) {
        return new BigDecimal(
                api().get("/api/v1/metrics/mrr?period=" + period, OWNER_KEY).get("value"));
    }

    @Test
    @Order(1)
    void settings_name_the_account_to_share_with_and_a_sync_needs_them() {
        Map<String, Object> empty =
                api().get("/api/v1/metrics/sheets", OWNER_KEY).json();
        assertThat(empty).containsEntry("serviceAccount", FakeSheets.EMAIL).containsEntry("spreadsheetId", null);
        ApiClient.Response refused = api().post("/api/v1/metrics/sync", OWNER_KEY, "");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.get("detail")).contains("no sheet set yet");

        ApiClient.Response bad = api().put("/api/v1/metrics/sheets", OWNER_KEY, """
                {"spreadsheetId": "1AbCdEfGhIjKlMnOp", "schedule": "hourly"}""");
        assertThat(bad.status()).isEqualTo(400);
        ApiClient.Response unknown = api().put("/api/v1/metrics/sheets", OWNER_KEY, """
                {"spreadsheetId": "1AbCdEfGhIjKlMnOp", "sheet": "Subs"}""");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(api().get("/api/v1/metrics/sheets", OWNER_KEY).json()).containsEntry("spreadsheetId", null);
        ApiClient.Response saved = api().put("/api/v1/metrics/sheets", OWNER_KEY, """
                {"spreadsheetId": "1AbCdEfGhIjKlMnOp", "tabs": {"subscriptions": "Subs 2026"}, "schedule": "weekly"}""");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json())
                .containsEntry("spreadsheetId", "1AbCdEfGhIjKlMnOp")
                .containsEntry("schedule", "weekly")
                .containsEntry("tabs", Map.of("subscriptions", "Subs 2026"));
    }

    @Test
    @Order(2)
    void a_sync_imports_every_tab_reports_bad_rows_and_recomputes() {
        ApiClient.Response started = api().post("/api/v1/metrics/sync", OWNER_KEY, "");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.get("status")).isEqualTo("running");
        Map<String, Object> run = awaitRun(started.get("runId"));
        assertThat(run).containsEntry("status", "ok").containsKeys("startedAt", "finishedAt");
        assertThat(run.get("rows"))
                .isEqualTo(Map.of("subscriptions", 12, "expenses", 4, "projects", 4, "strategic", 2));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) run.get("errors");
        assertThat(errors)
                .extracting(e -> e.get("tab") + ":" + e.get("row"))
                .containsExactly("subscriptions:14", "subscriptions:15", "subscriptions:16", "subscriptions:17");
        assertThat(errors)
                .extracting(e -> (String) e.get("reason"))
                .satisfiesExactly(
                        r -> assertThat(r).contains("interval 'weekly'"),
                        r -> assertThat(r).contains("amount 'ten' is not a number"),
                        r -> assertThat(r).contains("customer_id is missing"),
                        r -> assertThat(r).contains("start_date '2026-13-01' is not a date"));
        assertThat(mrr("2026-01")).isEqualByComparingTo("580");
        assertThat(mrr("2026-03")).isEqualByComparingTo("540");
        assertThat(SHEETS.authorizations).isNotEmpty().allMatch(a -> a.equals("Bearer " + FakeSheets.TOKEN));
        assertThat(SHEETS.tokenRequests).anyMatch(body -> body.contains("jwt-bearer"));
    }

    @Test
    @Order(3)
    void a_failing_sync_is_recorded_and_keeps_the_previous_data() {
        SHEETS.failWith = 500;
        try {
            ApiClient.Response started = api().post("/api/v1/metrics/sync", OWNER_KEY, "");
            Map<String, Object> run = awaitRun(started.get("runId"));
            assertThat(run).containsEntry("status", "failed");
            assertThat(run.get("errors").toString()).contains("could not read the sheet");
            assertThat(mrr("2026-01")).isEqualByComparingTo("580");
        } finally {
            SHEETS.failWith = 0;
        }
    }

    @Test
    @Order(4)
    void the_schedule_queues_a_due_tenant_once_per_period() {
        int before = api().get("/api/v1/metrics/syncs", OWNER_KEY).list().size();
        sync.queueDue();
        sync.queueDue();
        List<Map<String, Object>> runs =
                api().get("/api/v1/metrics/syncs", OWNER_KEY).list();
        assertThat(runs).hasSize(before + 1);
        assertThat(awaitRun((String) runs.getFirst().get("id"))).containsEntry("status", "ok");
    }
}
