package dev.alfred.metrics;

import dev.alfred.assistant.AssistantTool;
import dev.alfred.assistant.ToolCaller;
import dev.alfred.assistant.ToolParameter;
import dev.alfred.assistant.ToolResult;
import dev.alfred.permission.PermissionService;
import io.micronaut.context.annotation.Factory;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The assistant's metric tools. Which feature a call needs depends on its metric, so each tool is
 * offered under {@code assistant.chat} and checks {@code metrics.<key>.view} itself, refusing with
 * a DENIED problem that the assistant's gate shows and audits.
 */
@Factory
class MetricTools {

    private static final String CHAT = "assistant.chat";
    private static final String KEY = "metric key: " + "mrr, new_mrr, expansion_mrr, contraction_mrr, churned_mrr, "
            + "reactivation_mrr, net_new_mrr, paying_customers, customer_churn_rate, gross_mrr_churn_rate, "
            + "net_mrr_churn_rate, arpa, ltv, cac, cac_payback_months, ltgp, ltv_cac_ratio, ltgp_cac_ratio, qvc";

    @Serdeable
    record GetMetric(
            @ToolParameter(value = KEY, required = true) String key,

            @ToolParameter("period YYYY-MM (YYYY-Qn for qvc); default: the current one") @Nullable
            String period,

            @ToolParameter("acquisition channel, only for cac") @Nullable
            String channel) {}

    @Serdeable
    record ListMetrics() {}

    @Serdeable
    record MetricHistory(
            @ToolParameter(value = KEY, required = true) String key,

            @ToolParameter("first period YYYY-MM; default: 11 periods before the last") @Nullable
            String from,

            @ToolParameter("last period YYYY-MM; default: the current one") @Nullable
            String to) {}

    @Serdeable
    record ComparePeriods(
            @ToolParameter(value = KEY, required = true) String key,

            @ToolParameter(value = "earlier period YYYY-MM", required = true)
            String from,

            @ToolParameter("later period YYYY-MM; default: the current one") @Nullable
            String to) {}

    @Singleton
    AssistantTool<GetMetric> getMetric(MetricAnswers answers, MetricsService metrics, PermissionService permissions) {
        return tool(
                "get_metric",
                "A business metric's value in a period, its change and, for MRR, its movements.",
                GetMetric.class,
                (input, caller) -> {
                    Metric metric = visible(permissions, caller, input.key());
                    Period period = input.period() == null ? null : Period.parse(metric, input.period());
                    if (input.channel() != null && !input.channel().isBlank()) {
                        MetricValue value = metrics.value(
                                caller.actor(), metric, period, input.channel().strip());
                        return ToolResult.of(
                                metric.label() + " from " + value.channel() + " in " + value.period() + ": "
                                        + MetricFormat.value(metric, value.unit(), value.value()) + ".",
                                value);
                    }
                    MetricAnswers.Answer answer = answers.value(caller.actor(), metric, period);
                    return ToolResult.of(answer.text(), answer.value()).withCard(answer.card());
                });
    }

    @Singleton
    AssistantTool<ListMetrics> listMetrics(MetricAnswers answers, MetricsService metrics) {
        return tool("list_metrics", "The business metrics this person may see.", ListMetrics.class, (input, caller) -> {
            List<Map<String, String>> data = metrics.visible(caller.actor()).stream()
                    .map(m -> Map.of("key", m.key(), "label", m.label()))
                    .toList();
            return ToolResult.of(answers.list(caller.actor()), data);
        });
    }

    @Singleton
    AssistantTool<MetricHistory> metricHistory(MetricAnswers answers, PermissionService permissions) {
        return tool(
                "metric_history",
                "A business metric over the last 12 periods (or a range), with a chart.",
                MetricHistory.class,
                (input, caller) -> {
                    Metric metric = visible(permissions, caller, input.key());
                    MetricAnswers.History history = answers.history(
                            caller.actor(),
                            metric,
                            input.from() == null ? null : Period.parse(metric, input.from()),
                            input.to() == null ? null : Period.parse(metric, input.to()));
                    ToolResult result = ToolResult.of(history.text(), history.points());
                    return history.chart() == null ? result : result.withAttachment(history.chart());
                });
    }

    @Singleton
    AssistantTool<ComparePeriods> comparePeriods(MetricsService metrics, PermissionService permissions) {
        return tool(
                "compare_metric_periods",
                "How a business metric changed from one period to another.",
                ComparePeriods.class,
                (input, caller) -> {
                    Metric metric = visible(permissions, caller, input.key());
                    Period from = Period.parse(metric, input.from());
                    Period to = input.to() == null
                            ? metrics.current(caller.actor(), metric)
                            : Period.parse(metric, input.to());
                    MetricValue earlier = metrics.value(caller.actor(), metric, from, null);
                    MetricValue later = metrics.value(caller.actor(), metric, to, null);
                    String unit = later.unit();
                    StringBuilder text = new StringBuilder(metric.label() + ": "
                            + earlier.period() + " " + MetricFormat.value(metric, unit, earlier.value()) + ", "
                            + later.period() + " " + MetricFormat.value(metric, unit, later.value()));
                    BigDecimal change = null;
                    if (earlier.value() != null && later.value() != null) {
                        change = later.value().subtract(earlier.value());
                        text.append(" (").append(MetricFormat.change(metric, unit, change));
                        if (earlier.value().signum() != 0 && metric.unit() != Metric.Unit.RATE) {
                            BigDecimal relative = change.multiply(BigDecimal.valueOf(100))
                                    .divide(earlier.value().abs(), 1, RoundingMode.HALF_UP);
                            text.append(", ")
                                    .append(relative.signum() >= 0 ? "+" : "")
                                    .append(relative)
                                    .append("%");
                        }
                        text.append(")");
                    }
                    Map<String, Object> data = change == null
                            ? Map.of("from", earlier, "to", later)
                            : Map.of("from", earlier, "to", later, "change", change);
                    return ToolResult.of(text + ".", data);
                });
    }

    private static Metric visible(PermissionService permissions, ToolCaller caller, String key) {
        Metric metric = Metric.of(key);
        permissions.require(caller.actor(), metric.feature());
        return metric;
    }

    private interface Call<I> {
        ToolResult call(I input, ToolCaller caller);
    }

    private static <I extends Record> AssistantTool<I> tool(
            String name, String description, Class<I> type, Call<I> call) {
        return new AssistantTool<>() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return description;
            }

            @Override
            public String feature() {
                return CHAT;
            }

            @Override
            public Class<I> inputType() {
                return type;
            }

            @Override
            public boolean readOnly() {
                return true;
            }

            @Override
            public ToolResult call(I input, ToolCaller caller) {
                return call.call(input, caller);
            }
        };
    }
}
