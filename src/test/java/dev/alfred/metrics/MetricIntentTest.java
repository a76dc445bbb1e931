package dev.alfred.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alfred.assistant.OfflineIntent;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Phrasings the offline model must turn into metric tool calls, on 22 November 2026. */
class MetricIntentTest {

    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 22, 10, 0, 0, 0, ZoneId.of("Europe/Berlin"));
    private final MetricIntent intent = new MetricIntent();

    private record Case(String message, String tool, Map<String, Object> arguments) {}

    private static final List<Case> PHRASINGS = List.of(
            new Case("what's our MRR?", "get_metric", Map.of("key", "mrr")),
            new Case("What’s our monthly recurring revenue", "get_metric", Map.of("key", "mrr")),
            new Case("mrr last month", "get_metric", Map.of("key", "mrr", "period", "2026-10")),
            new Case(
                    "how did churn change since June?",
                    "compare_metric_periods",
                    Map.of("key", "customer_churn_rate", "from", "2026-06")),
            new Case("show me the CAC history", "metric_history", Map.of("key", "cac")),
            new Case("ltv for 2026-03", "get_metric", Map.of("key", "ltv", "period", "2026-03")),
            new Case("net new MRR in march", "get_metric", Map.of("key", "net_new_mrr", "period", "2026-03")),
            new Case(
                    "compare arpa 2026-01 and 2026-03",
                    "compare_metric_periods",
                    Map.of("key", "arpa", "from", "2026-01", "to", "2026-03")),
            new Case(
                    "net mrr churn since december",
                    "compare_metric_periods",
                    Map.of("key", "net_mrr_churn_rate", "from", "2025-12")),
            new Case("LTV:CAC this month", "get_metric", Map.of("key", "ltv_cac_ratio", "period", "2026-11")),
            new Case("cac payback for 2026-02", "get_metric", Map.of("key", "cac_payback_months", "period", "2026-02")),
            new Case("qvc 2026-q1", "get_metric", Map.of("key", "qvc", "period", "2026-Q1")),
            new Case(
                    "chart of paying customers since may",
                    "metric_history",
                    Map.of("key", "paying_customers", "from", "2026-05")),
            new Case("which metrics can I see?", "list_metrics", Map.of()));

    @Test
    void understands_each_phrasing() {
        for (Case each : PHRASINGS) {
            Optional<OfflineIntent.Match> match = intent.match(each.message(), NOW);
            assertThat(match).as(each.message()).isPresent();
            assertThat(match.get().tool()).as(each.message()).isEqualTo(each.tool());
            assertThat(match.get().arguments()).as(each.message()).isEqualTo(each.arguments());
            assertThat(match.get().score())
                    .as(each.message())
                    .isGreaterThanOrEqualTo(OfflineIntent.THRESHOLD)
                    .isLessThanOrEqualTo(1.0);
        }
    }

    @Test
    void leaves_other_requests_alone() {
        for (String message : List.of("remind Bob to call Acme tomorrow 3pm", "may I file a ticket?", "hello")) {
            assertThat(intent.match(message, NOW)).as(message).isEmpty();
        }
    }
}
