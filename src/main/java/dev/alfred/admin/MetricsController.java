package dev.alfred.admin;

import dev.alfred.identity.Actor;
import dev.alfred.metrics.Metric;
import dev.alfred.metrics.MetricPoint;
import dev.alfred.metrics.MetricValue;
import dev.alfred.metrics.MetricsService;
import dev.alfred.metrics.Movements;
import dev.alfred.metrics.Period;
import dev.alfred.problem.Problem;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Metric lookups and manual entries; each metric needs its own {@code metrics.<key>.view}. */
@Controller("/api/v1/metrics")
@SecurityRequirement(name = "bearer")
class MetricsController {

    private final MetricsService metrics;

    MetricsController(MetricsService metrics) {
        this.metrics = metrics;
    }

    /** A manual entry: the metric, its period, the value and a note saying where it comes from. */
    @Serdeable
    record ManualEntry(
            @Nullable String key,
            @Nullable String period,
            @Nullable BigDecimal value,
            @Nullable String note) {}

    @Get
    List<MetricValue> latest(@Parameter(hidden = true) Actor actor) {
        return metrics.latest(actor);
    }

    @Get("/mrr/movements")
    Movements movements(@Parameter(hidden = true) Actor actor, @QueryValue @Nullable String period) {
        return metrics.movements(actor, period == null ? null : Period.parse(Metric.MRR, period));
    }

    @Get("/{key}")
    MetricValue value(
            @Parameter(hidden = true) Actor actor,
            String key,
            @QueryValue @Nullable String period,
            @QueryValue @Nullable String channel) {
        Metric metric = Metric.of(key);
        return metrics.value(actor, metric, period == null ? null : Period.parse(metric, period), blankToNull(channel));
    }

    @Get("/{key}/history")
    List<MetricPoint> history(
            @Parameter(hidden = true) Actor actor,
            String key,
            @QueryValue @Nullable String from,
            @QueryValue @Nullable String to) {
        Metric metric = Metric.of(key);
        return metrics.history(
                actor,
                metric,
                from == null ? null : Period.parse(metric, from),
                to == null ? null : Period.parse(metric, to));
    }

    @Post("/manual-entry")
    HttpResponse<MetricValue> enter(@Parameter(hidden = true) Actor actor, @Body ManualEntry entry) {
        if (entry.key() == null || entry.period() == null || entry.value() == null || entry.note() == null) {
            throw Problem.invalid("send {\"key\", \"period\", \"value\", \"note\"}");
        }
        Metric metric = Metric.of(entry.key());
        return HttpResponse.created(
                metrics.enter(actor, metric, Period.parse(metric, entry.period()), entry.value(), entry.note()));
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
