package dev.alfred.metrics;

import dev.alfred.channel.Reply;
import dev.alfred.identity.Actor;
import dev.alfred.permission.PermissionService;
import dev.alfred.problem.Problem;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The sentences, cards and charts the chat command and the assistant's tools answer with. A metric
 * the person may not see is refused before anything is read, so a refusal never shows a number.
 */
@Singleton
class MetricAnswers {

    private final MetricsService metrics;
    private final PermissionService permissions;

    MetricAnswers(MetricsService metrics, PermissionService permissions) {
        this.metrics = metrics;
        this.permissions = permissions;
    }

    /** A value, its change and, for MRR, its movements. */
    record Answer(String text, Reply.Card card, MetricValue value) {}

    /** A history: a sentence, the points and the chart. */
    record History(String text, List<MetricPoint> points, Reply.@Nullable Attachment chart) {}

    void requireVisible(Actor actor, Metric metric) {
        if (!permissions.check(actor, metric.feature())) {
            throw Problem.deniedBecause("Sorry, you are not allowed to see " + metric.label() + " (not allowed: "
                    + metric.feature() + ").");
        }
    }

    Answer value(Actor actor, Metric metric, @Nullable Period period) {
        requireVisible(actor, metric);
        MetricValue value = metrics.value(actor, metric, period, null);
        StringBuilder text = new StringBuilder("*" + metric.label() + "* in " + value.period() + ": "
                + MetricFormat.value(metric, value.unit(), value.value()));
        if (value.value() == null && value.note() != null) {
            text.append(" (").append(value.note()).append(")");
        }
        if (value.change() != null) {
            text.append(", ")
                    .append(MetricFormat.change(metric, value.unit(), value.change()))
                    .append(" against ")
                    .append(value.previousPeriod());
        }
        if (value.source().equals("manual")) {
            text.append(". Entered by ").append(value.enteredBy()).append(": ").append(value.manualNote());
        }
        List<Reply.Field> fields = new ArrayList<>();
        fields.add(new Reply.Field(value.period(), MetricFormat.value(metric, value.unit(), value.value())));
        fields.add(new Reply.Field(
                value.previousPeriod(), MetricFormat.value(metric, value.unit(), value.previousValue())));
        if (metric == Metric.MRR && movementsVisible(actor)) {
            Movements moves = metrics.movements(actor, Period.parse(metric, value.period()));
            String unit = value.unit();
            fields.add(new Reply.Field("New", MetricFormat.value(metric, unit, moves.newBusiness())));
            fields.add(new Reply.Field("Expansion", MetricFormat.value(metric, unit, moves.expansion())));
            fields.add(new Reply.Field("Reactivation", MetricFormat.value(metric, unit, moves.reactivation())));
            fields.add(new Reply.Field("Contraction", MetricFormat.value(metric, unit, moves.contraction())));
            fields.add(new Reply.Field("Churn", MetricFormat.value(metric, unit, moves.churn())));
            fields.add(new Reply.Field("Net new", MetricFormat.value(metric, unit, moves.netNew())));
            text.append(". Movements: new ")
                    .append(MetricFormat.value(metric, unit, moves.newBusiness()))
                    .append(", expansion ")
                    .append(MetricFormat.value(metric, unit, moves.expansion()))
                    .append(", reactivation ")
                    .append(MetricFormat.value(metric, unit, moves.reactivation()))
                    .append(", contraction ")
                    .append(MetricFormat.value(metric, unit, moves.contraction()))
                    .append(", churn ")
                    .append(MetricFormat.value(metric, unit, moves.churn()))
                    .append(", net new ")
                    .append(MetricFormat.value(metric, unit, moves.netNew()));
        }
        return new Answer(text + ".", new Reply.Card(metric.label() + " " + value.period(), fields, List.of()), value);
    }

    History history(Actor actor, Metric metric, @Nullable Period from, @Nullable Period to) {
        requireVisible(actor, metric);
        List<MetricPoint> points = metrics.history(actor, metric, from, to);
        String unit = metrics.unit(actor, metric);
        String range = points.getFirst().period() + " to " + points.getLast().period();
        if (points.stream().allMatch(p -> p.value() == null)) {
            return new History("No values of " + metric.label() + " from " + range + " yet.", points, null);
        }
        String manual = points.stream()
                .filter(p -> p.source().equals("manual"))
                .map(p -> p.period() + " entered by " + p.enteredBy() + " (computed "
                        + MetricFormat.value(metric, unit, p.computed()) + ")")
                .collect(Collectors.joining("; "));
        String text = metric.label() + " from " + range + ": "
                + points.stream()
                        .map(p -> p.period() + " " + MetricFormat.value(metric, unit, p.value()))
                        .collect(Collectors.joining(", "))
                + (manual.isEmpty() ? "" : ". By hand: " + manual)
                + ".";
        byte[] png = MetricChart.png(MetricChart.chart(metric, unit, points));
        return new History(text, points, new Reply.Attachment(metric.key() + "-history.png", "image/png", png));
    }

    String list(Actor actor) {
        List<Metric> visible = metrics.visible(actor);
        if (visible.isEmpty()) {
            return "You may not see any metric yet; ask an admin for access.";
        }
        return "Metrics you can see:\n"
                + visible.stream().map(m -> "- `" + m.key() + "` " + m.label()).collect(Collectors.joining("\n"));
    }

    private boolean movementsVisible(Actor actor) {
        return List.of(
                        Metric.NEW_MRR,
                        Metric.EXPANSION_MRR,
                        Metric.CONTRACTION_MRR,
                        Metric.CHURNED_MRR,
                        Metric.REACTIVATION_MRR,
                        Metric.NET_NEW_MRR)
                .stream()
                .allMatch(m -> permissions.check(actor, m.feature()));
    }
}
