package dev.alfred.admin;

import dev.alfred.identity.Actor;
import dev.alfred.metrics.SheetSettings;
import dev.alfred.metrics.SyncRun;
import dev.alfred.metrics.SyncService;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.util.List;
import java.util.Map;

/** The metrics data: sheet settings, syncs from Google Sheets and CSV imports ({@code metrics.sync}). */
@Controller("/api/v1/metrics")
@SecurityRequirement(name = "bearer")
class MetricsDataController {

    private final SyncService sync;

    MetricsDataController(SyncService sync) {
        this.sync = sync;
    }

    @Get("/sheets")
    SheetSettings sheet(@Parameter(hidden = true) Actor actor) {
        return sync.sheet(actor);
    }

    @Put("/sheets")
    SheetSettings saveSheet(@Parameter(hidden = true) Actor actor, @Body SheetSettings.Input input) {
        return sync.saveSheet(actor, input);
    }

    @Post("/sync")
    HttpResponse<Map<String, Object>> startSync(@Parameter(hidden = true) Actor actor) {
        SyncRun run = sync.requestSync(actor);
        return HttpResponse.accepted().body(Map.of("runId", run.id(), "status", run.status()));
    }

    @Get("/syncs")
    List<SyncRun> runs(@Parameter(hidden = true) Actor actor) {
        return sync.runs(actor);
    }

    /** A tab as CSV ({@code text/csv}), header first; it replaces that tab's data. */
    @Post(
            value = "/import/{tab}",
            consumes = {"text/csv", "text/plain", "application/octet-stream"})
    SyncService.ImportResult importCsv(@Parameter(hidden = true) Actor actor, String tab, @Body byte[] csv) {
        return sync.importCsv(actor, tab, csv);
    }
}
