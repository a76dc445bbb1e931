package dev.alfred.metrics;

import static dev.alfred.testing.AlfredProperties.OWNER_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alfred.testing.AlfredProperties;
import dev.alfred.testing.ApiClient;
import dev.alfred.testing.Users;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Who sees which metric (the shipped role defaults, per metric), manual entries, tenant isolation,
 * and the answers of an installation without Google Sheets credentials.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsAccessTest implements TestPropertyProvider {

    /** What {@code config/permissions.yml} withholds from managers. */
    private static final Set<String> NOT_FOR_MANAGERS =
            Set.of("ltv", "cac_payback_months", "ltgp", "ltv_cac_ratio", "ltgp_cac_ratio");

    @Inject
    EmbeddedServer server;

    ApiClient api;
    Map<String, String> keys;

    @Override
    public Map<String, String> getProperties() {
        return AlfredProperties.fresh();
    }

    @BeforeAll
    void setUp() {
        api = new ApiClient(server.getURI());
        for (String tab : List.of("subscriptions", "expenses", "strategic")) {
            String csv = switch (tab) {
                case "subscriptions" -> WorkedCases.SUBSCRIPTIONS;
                case "expenses" -> WorkedCases.EXPENSES;
                default -> WorkedCases.STRATEGIC;
            };
            assertThat(api.send("POST", "/api/v1/metrics/import/" + tab, OWNER_KEY, csv, "text/csv")
                            .status())
                    .isEqualTo(200);
        }
        keys = Map.of(
                "ceo", OWNER_KEY,
                "admin", Users.of(api, OWNER_KEY).role("admin").create().key(),
                "manager", Users.of(api, OWNER_KEY).role("manager").create().key(),
                "employee", Users.of(api, OWNER_KEY).role("employee").create().key());
    }

    private static boolean allowed(String role, Metric metric) {
        return switch (role) {
            case "ceo", "admin" -> true;
            case "manager" -> !NOT_FOR_MANAGERS.contains(metric.key());
            default -> false;
        };
    }

    @Test
    void every_metric_is_shown_exactly_to_the_roles_allowed_to_see_it() {
        for (String role : keys.keySet()) {
            for (Metric metric : Metric.values()) {
                String period = metric.quarterly() ? "2026-Q1" : "2026-03";
                ApiClient.Response response =
                        api.get("/api/v1/metrics/" + metric.key() + "?period=" + period, keys.get(role));
                if (allowed(role, metric)) {
                    assertThat(response.status()).as(role + " " + metric.key()).isEqualTo(200);
                } else {
                    assertThat(response.status()).as(role + " " + metric.key()).isEqualTo(403);
                    assertThat(response.body())
                            .contains("not allowed: " + metric.feature())
                            .doesNotContain("540");
                }
                ApiClient.Response history = api.get(
                        "/api/v1/metrics/" + metric.key() + "/history?from=" + period + "&to=" + period,
                        keys.get(role));
                assertThat(history.status())
                        .as(role + " " + metric.key() + " history")
                        .isEqualTo(allowed(role, metric) ? 200 : 403);
            }
            List<String> listed = api.get("/api/v1/metrics", keys.get(role)).list().stream()
                    .map(m -> (String) m.get("key"))
                    .toList();
            assertThat(listed)
                    .as(role)
                    .containsExactlyElementsOf(List.of(Metric.values()).stream()
                            .filter(m -> allowed(role, m))
                            .map(Metric::key)
                            .toList());
        }
        assertThat(api.get("/api/v1/metrics/mrr/movements?period=2026-03", keys.get("employee"))
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/metrics/cac?period=2026-01&channel=ads", keys.get("employee"))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void a_manual_entry_wins_and_history_shows_both_values_and_who_entered_it() {
        ApiClient.Response refused = api.post("/api/v1/metrics/manual-entry", keys.get("admin"), """
                {"key": "mrr", "period": "2026-02", "value": 1, "note": "guess"}""");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.get("detail")).isEqualTo("not allowed: metrics.manual_entry");

        ApiClient.Response entered = api.post("/api/v1/metrics/manual-entry", OWNER_KEY, """
                {"key": "mrr", "period": "2026-03", "value": 555.5, "note": "board deck figure"}""");
        assertThat(entered.status()).as(entered.body()).isEqualTo(201);
        assertThat(entered.json()).containsEntry("source", "manual").containsEntry("enteredBy", "Owner");
        assertThat(entered.get("value")).isEqualTo("555.5");

        List<Map<String, Object>> history = api.get(
                        "/api/v1/metrics/mrr/history?from=2026-02&to=2026-03", keys.get("manager"))
                .list();
        assertThat(history).extracting(p -> p.get("period")).containsExactly("2026-02", "2026-03");
        assertThat(history.get(1))
                .containsEntry("source", "manual")
                .containsEntry("manualNote", "board deck figure")
                .containsEntry("enteredBy", "Owner");
        assertThat(history.get(1).get("value").toString()).isEqualTo("555.5");
        assertThat(new BigDecimal(history.get(1).get("computed").toString())).isEqualByComparingTo("540");
        assertThat(history.get(0)).containsEntry("source", "computed");

        assertThat(api.post("/api/v1/metrics/manual-entry", OWNER_KEY, """
                        {"key": "mrr", "period": "March", "value": 1, "note": "x"}""").status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/metrics/manual-entry", OWNER_KEY, """
                        {"key": "profit", "period": "2026-03", "value": 1, "note": "x"}""").get("detail"))
                .contains("unknown metric 'profit'");
    }

    @Test
    void another_tenant_sees_none_of_this_data() {
        String other = api.post("/api/v1/tenants", OWNER_KEY, "{\"name\": \"Other Co\"}")
                .get("apiKey");
        Map<String, Object> mrr =
                api.get("/api/v1/metrics/mrr?period=2026-01", other).json();
        assertThat(mrr).containsEntry("value", null).containsEntry("source", "none");
        assertThat(api.get("/api/v1/metrics/syncs", other).list()).isEmpty();
    }

    @Test
    void without_sheets_credentials_a_sync_says_so_and_csv_still_works() {
        ApiClient.Response sync = api.post("/api/v1/metrics/sync", OWNER_KEY, "");
        assertThat(sync.status()).isEqualTo(400);
        assertThat(sync.get("detail")).contains("ALFRED_SHEETS_CREDENTIALS").contains("/api/v1/metrics/import/");
        assertThat(api.get("/api/v1/metrics/sheets", OWNER_KEY).json()).containsEntry("serviceAccount", null);
        assertThat(api.post("/api/v1/metrics/sync", keys.get("employee"), "").status())
                .isEqualTo(403);
        ApiClient.Response bad =
                api.send("POST", "/api/v1/metrics/import/invoices", OWNER_KEY, "a,b\n1,2\n", "text/csv");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.get("detail")).contains("unknown tab 'invoices'");
        ApiClient.Response missing = api.send(
                "POST", "/api/v1/metrics/import/expenses", OWNER_KEY, "date,amount\n2026-01-01,5\n", "text/csv");
        assertThat(missing.status()).isEqualTo(400);
        // The refused import kept the expenses: January's CAC is still 900 / 6.
        // Money keeps two decimals on the wire.
        assertThat(api.get("/api/v1/metrics/cac?period=2026-01", OWNER_KEY).body())
                .contains("\"value\":150.00");
    }
}
