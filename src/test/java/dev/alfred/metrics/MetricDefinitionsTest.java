package dev.alfred.metrics;

import static dev.alfred.testing.AlfredProperties.OWNER_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.alfred.identity.ApiKeyService;
import dev.alfred.testing.AlfredProperties;
import dev.alfred.testing.ApiClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Each definition of the issue on the worked example ({@link WorkedCases}), through the admin API. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricDefinitionsTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    @Inject
    ApiKeyService keys;

    @Inject
    TabStore tabs;

    @Inject
    TransactionOperations<Connection> tx;

    ApiClient api;

    @Override
    public Map<String, String> getProperties() {
        return AlfredProperties.fresh();
    }

    @BeforeAll
    void importTheWorkedExample() {
        api = new ApiClient(server.getURI());
        upload("subscriptions", WorkedCases.SUBSCRIPTIONS);
        upload("expenses", WorkedCases.EXPENSES);
        upload("projects", WorkedCases.PROJECTS);
        upload("strategic", WorkedCases.STRATEGIC);
    }

    private void upload(String tab, String csv) {
        ApiClient.Response response = api.send("POST", "/api/v1/metrics/import/" + tab, OWNER_KEY, csv, "text/csv");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("errors")).as(response.body()).isEqualTo(List.of());
    }

    private BigDecimal value(String key, String period) {
        ApiClient.Response response = api.get("/api/v1/metrics/" + key + "?period=" + period, OWNER_KEY);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        Object value = response.json().get("value");
        return value == null ? null : new BigDecimal(value.toString());
    }

    private static BigDecimal n(String text) {
        return new BigDecimal(text);
    }

    @Test
    void mrr_normalises_yearly_and_quarterly_plans_and_skips_trials_and_free_plans() {
        // A 100 + B 100 + C 80 + D 100 + G 100 + H 100; E in trial, F free.
        assertThat(value("mrr", "2026-01")).isEqualByComparingTo(n("580"));
        assertThat(value("paying_customers", "2026-01")).isEqualByComparingTo(n("6"));
        // E's trial ends on 15 February: counted from February.
        assertThat(value("mrr", "2026-02")).isEqualByComparingTo(n("630"));
        assertThat(value("new_mrr", "2026-02")).isEqualByComparingTo(n("50"));
    }

    @Test
    void a_forever_discount_lowers_mrr_and_a_finite_one_does_not() {
        // C (forever 20%) contributes 80, D (finite 20%) 100: January's new MRR holds both.
        assertThat(value("new_mrr", "2026-01")).isEqualByComparingTo(n("580"));
        assertThat(value("arpa", "2026-01")).isEqualByComparingTo(n("96.67"));
    }

    @Test
    void an_existing_customer_buying_more_is_expansion_not_new_business() {
        assertThat(value("expansion_mrr", "2026-03")).isEqualByComparingTo(n("50"));
        assertThat(value("new_mrr", "2026-03")).isEqualByComparingTo(n("0"));
    }

    @Test
    void a_downgrade_is_contraction_and_leaving_is_churn() {
        assertThat(value("contraction_mrr", "2026-03")).isEqualByComparingTo(n("40"));
        assertThat(value("churned_mrr", "2026-03")).isEqualByComparingTo(n("100"));
        assertThat(value("net_new_mrr", "2026-03")).isEqualByComparingTo(n("-90"));
        assertThat(value("mrr", "2026-03")).isEqualByComparingTo(n("540"));
        var movements = api.get("/api/v1/metrics/mrr/movements?period=2026-03", OWNER_KEY)
                .json();
        assertThat(movements)
                .containsEntry("period", "2026-03")
                .containsKeys("new", "expansion", "contraction", "churn", "reactivation", "netNew");
        assertThat(n(movements.get("netNew").toString())).isEqualByComparingTo(n("-90"));
        assertThat(n(movements.get("churn").toString())).isEqualByComparingTo(n("100"));
    }

    @Test
    void a_customer_coming_back_is_reactivation() {
        assertThat(value("reactivation_mrr", "2026-05")).isEqualByComparingTo(n("70"));
        assertThat(value("new_mrr", "2026-05")).isEqualByComparingTo(n("0"));
        assertThat(value("paying_customers", "2026-05")).isEqualByComparingTo(n("7"));
    }

    @Test
    void churn_rates_count_customers_at_the_start_and_leave_out_those_who_joined_in_the_month() {
        // H churned out of 7 customers at the start of March; J joined and left in March: not counted.
        assertThat(value("customer_churn_rate", "2026-03")).isEqualByComparingTo(n("0.1429"));
        assertThat(value("gross_mrr_churn_rate", "2026-03")).isEqualByComparingTo(n("0.2222"));
        assertThat(value("net_mrr_churn_rate", "2026-03")).isEqualByComparingTo(n("0.1429"));
        assertThat(value("customer_churn_rate", "2026-04")).isEqualByComparingTo(n("0"));
    }

    @Test
    void ltv_is_undefined_without_churn_and_uses_the_months_before() {
        ApiClient.Response march = api.get("/api/v1/metrics/ltv?period=2026-03", OWNER_KEY);
        assertThat(march.json().get("value")).isNull();
        assertThat(march.get("note")).contains("no customer churn");
        // April: ARPA 90, average churn of January (undefined), February (0) and March (1/7) = 1/14.
        assertThat(value("ltv", "2026-04")).isEqualByComparingTo(n("1260"));
        assertThat(value("ltgp", "2026-04")).isEqualByComparingTo(n("1008"));
    }

    @Test
    void cac_per_month_and_per_channel_and_its_payback() {
        assertThat(value("cac", "2026-01")).isEqualByComparingTo(n("150"));
        assertThat(value("cac", "2026-02")).isEqualByComparingTo(n("100"));
        var ads = api.get("/api/v1/metrics/cac?period=2026-01&channel=ads", OWNER_KEY);
        assertThat(n(ads.get("value"))).isEqualByComparingTo(n("200"));
        var partner = api.get("/api/v1/metrics/cac?period=2026-01&channel=partner", OWNER_KEY);
        assertThat(n(partner.get("value"))).isEqualByComparingTo(n("100"));
        // 150 / (96.67 * 0.8)
        assertThat(value("cac_payback_months", "2026-01")).isEqualByComparingTo(n("1.94"));
        assertThat(api.get("/api/v1/metrics/ltv_cac_ratio?period=2026-04", OWNER_KEY)
                        .get("note"))
                .contains("undefined");
    }

    @Test
    void qvc_sums_completed_projects_per_quarter() {
        assertThat(value("qvc", "2026-Q1")).isEqualByComparingTo(n("8000"));
        assertThat(value("qvc", "2026-Q2")).isEqualByComparingTo(n("2000"));
        assertThat(api.get("/api/v1/metrics/qvc?period=2026-02", OWNER_KEY).get("period"))
                .isEqualTo("2026-Q1");
    }

    @Test
    void values_carry_their_unit_and_change_against_the_previous_period() {
        Map<String, Object> mrr =
                api.get("/api/v1/metrics/mrr?period=2026-03", OWNER_KEY).json();
        assertThat(mrr)
                .containsEntry("unit", "USD")
                .containsEntry("source", "computed")
                .containsEntry("previousPeriod", "2026-02");
        assertThat(n(mrr.get("change").toString())).isEqualByComparingTo(n("-90"));
        assertThat(api.get("/api/v1/metrics/customer_churn_rate?period=2026-03", OWNER_KEY)
                        .get("unit"))
                .isEqualTo("rate");
    }

    @Test
    void an_import_waits_while_another_change_of_the_tenants_data_is_under_way() throws Exception {
        UUID tenant = keys.authenticate(OWNER_KEY).orElseThrow().tenantId();
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (var executor = Executors.newFixedThreadPool(2)) {
            Future<?> holder = executor.submit(() -> tx.executeWrite(status -> {
                tabs.lock(tenant);
                locked.countDown();
                try {
                    return release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
            Future<ApiClient.Response> imported = executor.submit(() -> api.send(
                    "POST", "/api/v1/metrics/import/subscriptions", OWNER_KEY, WorkedCases.SUBSCRIPTIONS, "text/csv"));
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> !imported.isDone());
            release.countDown();
            assertThat(imported.get(20, TimeUnit.SECONDS).status()).isEqualTo(200);
            holder.get(20, TimeUnit.SECONDS);
        }
        assertThat(value("mrr", "2026-01")).isEqualByComparingTo(n("580"));
    }
}
