package dev.alfred.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alfred.identity.ApiKeyService;
import dev.alfred.testing.AlfredProperties;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Over many seeded random subscription histories: the movements add up to each month's MRR change,
 * and every MRR figure equals a month-by-month model written independently of the SQL.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MovementsPropertyTest implements TestPropertyProvider {

    private static final YearMonth FIRST = YearMonth.of(2025, 1);
    private static final YearMonth LAST = YearMonth.of(2026, 6);
    private static final List<String> MOVEMENT_KEYS = List.of(
            "mrr",
            "new_mrr",
            "expansion_mrr",
            "contraction_mrr",
            "churned_mrr",
            "reactivation_mrr",
            "net_new_mrr",
            "paying_customers");

    @Inject
    TabStore tabs;

    @Inject
    Recompute recompute;

    @Inject
    JdbcOperations jdbc;

    @Inject
    TransactionOperations<Connection> tx;

    @Inject
    ApiKeyService keys;

    @Override
    public Map<String, String> getProperties() {
        return AlfredProperties.fresh();
    }

    record Sub(
            String customer,
            int amount,
            String interval,
            int quantity,
            int discount,
            boolean forever,
            LocalDate trialEnd,
            LocalDate start,
            LocalDate end) {

        BigDecimal mrr(YearMonth month) {
            LocalDate last = month.atEndOfMonth();
            if (start.isAfter(last)
                    || (trialEnd != null && trialEnd.isAfter(last))
                    || (end != null && !end.isAfter(last))) {
                return BigDecimal.ZERO;
            }
            int months = switch (interval) {
                case "month" -> 1;
                case "quarter" -> 3;
                default -> 12;
            };
            BigDecimal value = BigDecimal.valueOf((long) amount * quantity / months);
            return forever ? value.multiply(BigDecimal.valueOf(100 - discount)).movePointLeft(2) : value;
        }

        String csv() {
            return String.join(
                    ",",
                    customer,
                    String.valueOf(amount),
                    interval,
                    String.valueOf(quantity),
                    String.valueOf(discount),
                    String.valueOf(forever),
                    trialEnd == null ? "" : trialEnd.toString(),
                    start.toString(),
                    end == null ? "" : end.toString());
        }
    }

    @Test
    void movements_add_up_to_the_mrr_change_and_match_a_month_by_month_model() {
        UUID tenant =
                keys.authenticate(AlfredProperties.OWNER_KEY).orElseThrow().tenantId();
        for (long seed = 1; seed <= 60; seed++) {
            List<Sub> subs = generate(new Random(seed));
            StringBuilder csv = new StringBuilder(
                    "customer_id,amount,interval,quantity,discount_pct,discount_forever,trial_end,start_date,end_date\n");
            subs.forEach(s -> csv.append(s.csv()).append('\n'));
            ParsedTab parsed = TabParser.parse(Tab.SUBSCRIPTIONS, CsvReader.read(csv.toString()));
            assertThat(parsed.errors()).as("seed %d", seed).isEmpty();
            tx.executeWrite(status -> {
                tabs.replace(tenant, parsed);
                recompute.run(tenant, LAST);
                return null;
            });
            Map<String, Map<String, BigDecimal>> stored = stored(tenant);
            Map<String, Map<String, BigDecimal>> expected = model(subs);
            for (YearMonth month = FIRST; !month.isAfter(LAST); month = month.plusMonths(1)) {
                String period = month.toString();
                Map<String, BigDecimal> actual = stored.getOrDefault(period, Map.of());
                Map<String, BigDecimal> wanted = expected.get(period);
                for (String key : MOVEMENT_KEYS) {
                    assertThat(actual.getOrDefault(key, BigDecimal.ZERO))
                            .as("seed %d, %s in %s", seed, key, period)
                            .isEqualByComparingTo(wanted.get(key));
                }
                BigDecimal before = stored.getOrDefault(month.minusMonths(1).toString(), Map.of())
                        .getOrDefault("mrr", BigDecimal.ZERO);
                BigDecimal sum = actual.getOrDefault("new_mrr", BigDecimal.ZERO)
                        .add(actual.getOrDefault("expansion_mrr", BigDecimal.ZERO))
                        .add(actual.getOrDefault("reactivation_mrr", BigDecimal.ZERO))
                        .subtract(actual.getOrDefault("contraction_mrr", BigDecimal.ZERO))
                        .subtract(actual.getOrDefault("churned_mrr", BigDecimal.ZERO));
                assertThat(sum)
                        .as("seed %d: movements into %s add up to the MRR change", seed, period)
                        .isEqualByComparingTo(
                                actual.getOrDefault("mrr", BigDecimal.ZERO).subtract(before));
            }
        }
    }

    private static List<Sub> generate(Random random) {
        List<Sub> subs = new ArrayList<>();
        int customers = 1 + random.nextInt(12);
        int count = 1 + random.nextInt(30);
        int days = (int) (LAST.atEndOfMonth().toEpochDay() - FIRST.atDay(1).toEpochDay());
        for (int i = 0; i < count; i++) {
            LocalDate start = FIRST.atDay(1).plusDays(random.nextInt(days));
            LocalDate end = random.nextInt(3) == 0 ? start.plusDays(random.nextInt(300)) : null;
            LocalDate trial = random.nextInt(4) == 0 ? start.plusDays(random.nextInt(60)) : null;
            subs.add(new Sub(
                    "C" + random.nextInt(customers),
                    random.nextInt(5) == 0 ? 0 : 12 * (1 + random.nextInt(50)),
                    List.of("month", "quarter", "year").get(random.nextInt(3)),
                    1 + random.nextInt(3),
                    5 * random.nextInt(11),
                    random.nextBoolean(),
                    trial,
                    start,
                    end));
        }
        return subs;
    }

    /** Each customer's MRR at every month's end, then the movements between consecutive months. */
    private static Map<String, Map<String, BigDecimal>> model(List<Sub> subs) {
        Map<String, Map<String, BigDecimal>> result = new TreeMap<>();
        Map<String, BigDecimal> previous = new HashMap<>();
        Map<String, Boolean> hadMrr = new HashMap<>();
        for (YearMonth month = FIRST; !month.isAfter(LAST); month = month.plusMonths(1)) {
            Map<String, BigDecimal> levels = new HashMap<>();
            for (Sub sub : subs) {
                levels.merge(sub.customer(), sub.mrr(month), BigDecimal::add);
            }
            BigDecimal total = BigDecimal.ZERO;
            BigDecimal fresh = BigDecimal.ZERO;
            BigDecimal expansion = BigDecimal.ZERO;
            BigDecimal contraction = BigDecimal.ZERO;
            BigDecimal churn = BigDecimal.ZERO;
            BigDecimal reactivation = BigDecimal.ZERO;
            int paying = 0;
            for (Map.Entry<String, BigDecimal> each : levels.entrySet()) {
                BigDecimal now = each.getValue();
                BigDecimal before = previous.getOrDefault(each.getKey(), BigDecimal.ZERO);
                boolean had = hadMrr.getOrDefault(each.getKey(), false);
                total = total.add(now);
                paying += now.signum() > 0 ? 1 : 0;
                if (before.signum() == 0 && now.signum() > 0) {
                    if (had) {
                        reactivation = reactivation.add(now);
                    } else {
                        fresh = fresh.add(now);
                    }
                } else if (before.signum() > 0 && now.signum() == 0) {
                    churn = churn.add(before);
                } else if (now.compareTo(before) > 0) {
                    expansion = expansion.add(now.subtract(before));
                } else if (now.compareTo(before) < 0) {
                    contraction = contraction.add(before.subtract(now));
                }
                if (now.signum() > 0) {
                    hadMrr.put(each.getKey(), true);
                }
            }
            previous = levels;
            Map<String, BigDecimal> values = new HashMap<>();
            values.put("mrr", total);
            values.put("new_mrr", fresh);
            values.put("expansion_mrr", expansion);
            values.put("contraction_mrr", contraction);
            values.put("churned_mrr", churn);
            values.put("reactivation_mrr", reactivation);
            values.put(
                    "net_new_mrr",
                    fresh.add(expansion).add(reactivation).subtract(contraction).subtract(churn));
            values.put("paying_customers", BigDecimal.valueOf(paying));
            result.put(month.toString(), values);
        }
        return result;
    }

    private Map<String, Map<String, BigDecimal>> stored(UUID tenant) {
        return tx.executeRead(status -> jdbc.prepareStatement(
                "SELECT period, key, value FROM metrics_value WHERE tenant_id = ? AND channel = ''", select -> {
                    select.setObject(1, tenant);
                    Map<String, Map<String, BigDecimal>> values = new HashMap<>();
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            if (rows.getBigDecimal(3) != null) {
                                values.computeIfAbsent(rows.getString(1), p -> new HashMap<>())
                                        .put(rows.getString(2), rows.getBigDecimal(3));
                            }
                        }
                    }
                    return values;
                }));
    }
}
