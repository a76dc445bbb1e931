package dev.alfred.metrics;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import dev.alfred.identity.Actor;
import dev.alfred.identity.TenantService;
import dev.alfred.job.Jobs;
import dev.alfred.permission.PermissionService;
import dev.alfred.problem.Problem;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the tenant's data in: the sheet settings, syncs from Google Sheets (on request or on the
 * tenant's schedule, as db-scheduler jobs) and CSV imports. Each sync or import replaces the data
 * and recomputes every metric in one transaction, so a failure leaves the previous data and values.
 */
@Singleton
public class SyncService {

    static final TaskDescriptor<String> SYNC_JOB = TaskDescriptor.of("metrics-sync", String.class);
    private static final String FEATURE = "metrics.sync";
    private static final List<String> SCHEDULES = List.of("daily", "weekly", "monthly");
    private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);

    private final PermissionService permissions;
    private final SheetsSource sheets;
    private final SheetStore sheetStore;
    private final SyncRuns runs;
    private final TabStore tabs;
    private final Recompute recompute;
    private final TenantService tenants;
    private final Jobs jobs;
    private final TransactionOperations<Connection> tx;
    private final Clock clock;

    SyncService(
            PermissionService permissions,
            SheetsSource sheets,
            SheetStore sheetStore,
            SyncRuns runs,
            TabStore tabs,
            Recompute recompute,
            TenantService tenants,
            Jobs jobs,
            TransactionOperations<Connection> tx,
            Clock clock) {
        this.permissions = permissions;
        this.sheets = sheets;
        this.sheetStore = sheetStore;
        this.runs = runs;
        this.tabs = tabs;
        this.recompute = recompute;
        this.tenants = tenants;
        this.jobs = jobs;
        this.tx = tx;
        this.clock = clock;
    }

    /** What an import did: rows imported and the rows left out, with their reasons. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ImportResult(String tab, int imported, List<RowError> errors) {}

    /** A row left out of an import. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record RowError(int row, String reason) {}

    public SheetSettings sheet(Actor actor) {
        permissions.require(actor, FEATURE);
        String account = sheets.accountEmail().orElse(null);
        return tx.executeRead(status -> sheetStore.find(actor.tenantId()))
                .map(s -> new SheetSettings(s.spreadsheetId(), s.tabs(), s.schedule(), account))
                .orElseGet(() -> new SheetSettings(null, Map.of(), null, account));
    }

    public SheetSettings saveSheet(Actor actor, SheetSettings.Input input) {
        permissions.require(actor, FEATURE);
        String id = input.spreadsheetId() == null ? "" : input.spreadsheetId().strip();
        if (!id.matches("[A-Za-z0-9_-]{10,200}")) {
            throw Problem.invalid("spreadsheetId is the long id in the sheet's URL (letters, digits, - and _)");
        }
        String schedule =
                input.schedule() == null ? "daily" : input.schedule().strip().toLowerCase(Locale.ROOT);
        if (!SCHEDULES.contains(schedule)) {
            throw Problem.invalid("schedule must be daily, weekly or monthly");
        }
        Map<String, String> names = new LinkedHashMap<>();
        if (input.tabs() != null) {
            input.tabs().forEach((tab, name) -> {
                if (name == null || name.isBlank()) {
                    throw Problem.invalid("the sheet name of tab " + tab + " is empty");
                }
                names.put(Tab.of(tab).key(), name.strip());
            });
        }
        tx.executeWrite(status -> {
            sheetStore.save(actor.tenantId(), new SheetStore.Sheet(id, names, schedule));
            return null;
        });
        return sheet(actor);
    }

    /** Starts a sync from the tenant's sheet as a job; the run is {@code running} until the job ends. */
    public SyncRun requestSync(Actor actor) {
        permissions.require(actor, FEATURE);
        if (!sheets.configured()) {
            throw Problem.invalid("Google Sheets is not configured on this server (ALFRED_SHEETS_CREDENTIALS); "
                    + "upload CSV files with POST /api/v1/metrics/import/{tab} instead");
        }
        return tx.executeWrite(status -> {
            if (sheetStore.find(actor.tenantId()).isEmpty()) {
                throw Problem.invalid("no sheet set yet: PUT /api/v1/metrics/sheets {\"spreadsheetId\": ...} first");
            }
            return queue(actor.tenantId());
        });
    }

    public List<SyncRun> runs(Actor actor) {
        permissions.require(actor, FEATURE);
        return tx.executeRead(status -> runs.list(actor.tenantId(), 100));
    }

    public ImportResult importCsv(Actor actor, String tabKey, byte[] csv) {
        permissions.require(actor, FEATURE);
        Tab tab = Tab.of(tabKey);
        ParsedTab parsed = TabParser.parse(tab, CsvReader.read(new String(csv, StandardCharsets.UTF_8)));
        tx.executeWrite(status -> {
            tabs.lock(actor.tenantId());
            SyncRun run = runs.start(actor.tenantId(), "csv");
            tabs.replace(actor.tenantId(), parsed);
            recompute.run(actor.tenantId(), currentMonth(actor.tenantId()));
            runs.finish(run.id(), true, Map.of(tab.key(), parsed.rows().size()), parsed.errors());
            return null;
        });
        return new ImportResult(
                tab.key(),
                parsed.rows().size(),
                parsed.errors().stream()
                        .map(e -> new RowError(e.row() == null ? 0 : e.row(), e.reason()))
                        .toList());
    }

    /** Queues a sync for every tenant whose schedule is due; runs once across instances (a recurring job). */
    void queueDue() {
        if (!sheets.configured()) {
            return;
        }
        tx.executeWrite(status -> {
            sheetStore.takeDue().forEach(this::queue);
            return null;
        });
    }

    /** The job: reads the sheet, then replaces the data and recomputes in one transaction. */
    void runSync(UUID runId) {
        UUID tenantId = tx.executeRead(status -> runs.tenantOf(runId)).orElse(null);
        if (tenantId == null) {
            return;
        }
        try {
            SheetStore.Sheet sheet = tx.executeRead(status -> sheetStore.find(tenantId))
                    .orElseThrow(() -> Problem.invalid("the sheet settings were removed"));
            Map<Tab, String> names = new EnumMap<>(Tab.class);
            for (Tab tab : Tab.values()) {
                names.put(tab, sheet.tabs().getOrDefault(tab.key(), tab.key()));
            }
            Map<Tab, List<List<Object>>> cells = sheets.read(sheet.spreadsheetId(), names);
            List<ParsedTab> parsed = new ArrayList<>();
            cells.forEach((tab, values) -> parsed.add(TabParser.parse(tab, values)));
            Map<String, Integer> counts = new LinkedHashMap<>();
            List<SyncError> errors = new ArrayList<>();
            tx.executeWrite(status -> {
                tabs.lock(tenantId);
                for (ParsedTab each : parsed) {
                    tabs.replace(tenantId, each);
                    counts.put(each.tab().key(), each.rows().size());
                    errors.addAll(each.errors());
                }
                recompute.run(tenantId, currentMonth(tenantId));
                runs.finish(runId, true, counts, errors);
                return null;
            });
        } catch (Exception e) {
            String reason = e instanceof Problem problem ? problem.detail() : describe(e);
            LOG.warn("Metrics sync {} of tenant {} failed: {}", runId, tenantId, reason);
            tx.executeWrite(status -> {
                runs.finish(runId, false, Map.of(), List.of(new SyncError(null, null, reason)));
                return null;
            });
        }
    }

    private SyncRun queue(UUID tenantId) {
        SyncRun run = runs.start(tenantId, "sheets");
        String id = run.id().toString();
        jobs.schedule(SYNC_JOB.instance(id).data(id).build(), clock.instant());
        return run;
    }

    private YearMonth currentMonth(UUID tenantId) {
        return YearMonth.now(clock.withZone(ZoneId.of(tenants.get(tenantId).timezone())));
    }

    private static String describe(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "could not read the sheet: " + message.lines().findFirst().orElse(message);
    }
}
