package dev.alfred.metrics;

import dev.alfred.assistant.OfflineIntent;
import jakarta.inject.Singleton;
import java.time.Month;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the offline model understands metric questions: it finds the metric by its names ("MRR",
 * "churn", "lifetime value"), the periods ("last month", "since June", "2026-03") and what is
 * wanted (a value, a history, a comparison, the list), and makes the matching tool call.
 */
@Singleton
class MetricIntent implements OfflineIntent {

    /** Names people use, most specific first, so that "net new MRR" is not read as "MRR". */
    private static final List<Map.Entry<String, Metric>> NAMES = List.of(
            Map.entry("net new mrr", Metric.NET_NEW_MRR),
            Map.entry("new mrr", Metric.NEW_MRR),
            Map.entry("expansion", Metric.EXPANSION_MRR),
            Map.entry("contraction", Metric.CONTRACTION_MRR),
            Map.entry("churned mrr", Metric.CHURNED_MRR),
            Map.entry("reactivation", Metric.REACTIVATION_MRR),
            Map.entry("net mrr churn", Metric.NET_MRR_CHURN_RATE),
            Map.entry("net churn", Metric.NET_MRR_CHURN_RATE),
            Map.entry("gross mrr churn", Metric.GROSS_MRR_CHURN_RATE),
            Map.entry("gross churn", Metric.GROSS_MRR_CHURN_RATE),
            Map.entry("mrr churn", Metric.GROSS_MRR_CHURN_RATE),
            Map.entry("revenue churn", Metric.GROSS_MRR_CHURN_RATE),
            Map.entry("customer churn", Metric.CUSTOMER_CHURN_RATE),
            Map.entry("churn", Metric.CUSTOMER_CHURN_RATE),
            Map.entry("paying customers", Metric.PAYING_CUSTOMERS),
            Map.entry("customers", Metric.PAYING_CUSTOMERS),
            Map.entry("arpa", Metric.ARPA),
            Map.entry("average revenue per account", Metric.ARPA),
            Map.entry("ltv:cac", Metric.LTV_CAC_RATIO),
            Map.entry("ltv to cac", Metric.LTV_CAC_RATIO),
            Map.entry("ltgp:cac", Metric.LTGP_CAC_RATIO),
            Map.entry("ltgp to cac", Metric.LTGP_CAC_RATIO),
            Map.entry("cac payback", Metric.CAC_PAYBACK_MONTHS),
            Map.entry("payback", Metric.CAC_PAYBACK_MONTHS),
            Map.entry("ltgp", Metric.LTGP),
            Map.entry("lifetime gross profit", Metric.LTGP),
            Map.entry("ltv", Metric.LTV),
            Map.entry("lifetime value", Metric.LTV),
            Map.entry("cac", Metric.CAC),
            Map.entry("acquisition cost", Metric.CAC),
            Map.entry("qvc", Metric.QVC),
            Map.entry("value created", Metric.QVC),
            Map.entry("mrr", Metric.MRR),
            Map.entry("recurring revenue", Metric.MRR));

    private static final Pattern MONTH = Pattern.compile("\\b(\\d{4})-(0[1-9]|1[0-2])\\b");
    private static final Pattern QUARTER = Pattern.compile("\\b(\\d{4})-q([1-4])\\b");
    private static final Pattern MONTH_NAME = Pattern.compile(
            "\\b(january|february|march|april|(?<=since |in |for |from |to |and )may|june|july|august|september"
                    + "|october|november|december)(?:\\s+(\\d{4}))?\\b");
    private static final Pattern HISTORY = Pattern.compile("\\b(history|chart|trend|graph|plot|over time)\\b");
    private static final Pattern COMPARE =
            Pattern.compile("\\b(change|changed|changes|compare|compared|since|versus|vs)\\b");
    private static final Pattern LIST = Pattern.compile("\\b(which|what|list|show)\\b.*\\bmetrics\\b|^metrics\\??$");

    @Override
    public Optional<Match> match(String message, ZonedDateTime now) {
        String text = message.toLowerCase(Locale.ROOT).replace('’', '\'').strip();
        Optional<Metric> metric = metric(text);
        if (metric.isEmpty()) {
            return LIST.matcher(text).find() ? Optional.of(new Match("list_metrics", Map.of(), 0.8)) : Optional.empty();
        }
        Map<String, Object> arguments = new HashMap<>();
        arguments.put("key", metric.get().key());
        List<String> periods = periods(text, YearMonth.from(now));
        if (HISTORY.matcher(text).find()) {
            if (periods.size() >= 2) {
                arguments.put("from", periods.get(0));
                arguments.put("to", periods.get(1));
            } else if (periods.size() == 1) {
                arguments.put("from", periods.getFirst());
            }
            return Optional.of(new Match("metric_history", arguments, 0.9));
        }
        if (COMPARE.matcher(text).find()) {
            arguments.put(
                    "from",
                    periods.isEmpty() ? YearMonth.from(now).minusMonths(1).toString() : periods.get(0));
            if (periods.size() >= 2) {
                arguments.put("to", periods.get(1));
            }
            return Optional.of(new Match("compare_metric_periods", arguments, 0.9));
        }
        if (!periods.isEmpty()) {
            arguments.put("period", periods.getFirst());
        }
        return Optional.of(new Match("get_metric", arguments, 0.9));
    }

    @Override
    public List<String> examples() {
        return List.of(
                "what's our MRR?",
                "mrr last month",
                "how did churn change since June?",
                "show me the CAC history",
                "ltv for 2026-03",
                "which metrics can I see?");
    }

    private static Optional<Metric> metric(String text) {
        for (Map.Entry<String, Metric> name : NAMES) {
            if (Pattern.compile("(?<![a-z_])" + Pattern.quote(name.getKey()) + "(?![a-z_])")
                    .matcher(text)
                    .find()) {
                return Optional.of(name.getValue());
            }
        }
        for (Metric metric : Metric.values()) {
            if (text.contains(metric.key())) {
                return Optional.of(metric);
            }
        }
        return Optional.empty();
    }

    /** The periods the text names, in the order it names them, as {@code YYYY-MM} or {@code YYYY-Qn}. */
    private static List<String> periods(String text, YearMonth current) {
        record Found(int at, String period) {}
        List<Found> found = new ArrayList<>();
        Matcher month = MONTH.matcher(text);
        while (month.find()) {
            found.add(new Found(month.start(), month.group()));
        }
        Matcher quarter = QUARTER.matcher(text);
        while (quarter.find()) {
            found.add(new Found(quarter.start(), quarter.group(1) + "-Q" + quarter.group(2)));
        }
        Matcher named = MONTH_NAME.matcher(text);
        while (named.find()) {
            Month which = Month.valueOf(named.group(1).toUpperCase(Locale.ROOT));
            int year = named.group(2) != null
                    ? Integer.parseInt(named.group(2))
                    : which.getValue() <= current.getMonthValue() ? current.getYear() : current.getYear() - 1;
            found.add(new Found(named.start(), YearMonth.of(year, which).toString()));
        }
        for (Map.Entry<String, YearMonth> relative : Map.of(
                        "last month", current.minusMonths(1),
                        "previous month", current.minusMonths(1),
                        "this month", current)
                .entrySet()) {
            int at = text.indexOf(relative.getKey());
            if (at >= 0) {
                found.add(new Found(at, relative.getValue().toString()));
            }
        }
        return found.stream()
                .sorted((a, b) -> Integer.compare(a.at(), b.at()))
                .map(Found::period)
                .toList();
    }
}
