package dev.alfred.metrics;

import dev.alfred.problem.Problem;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The metrics Alfred computes, their keys, what they are measured in and the feature to see each. */
public enum Metric {
    MRR("MRR", Unit.MONEY),
    NEW_MRR("new MRR", Unit.MONEY),
    EXPANSION_MRR("expansion MRR", Unit.MONEY),
    CONTRACTION_MRR("contraction MRR", Unit.MONEY),
    CHURNED_MRR("churned MRR", Unit.MONEY),
    REACTIVATION_MRR("reactivation MRR", Unit.MONEY),
    NET_NEW_MRR("net new MRR", Unit.MONEY),
    PAYING_CUSTOMERS("paying customers", Unit.CUSTOMERS),
    CUSTOMER_CHURN_RATE("customer churn rate", Unit.RATE),
    GROSS_MRR_CHURN_RATE("gross MRR churn rate", Unit.RATE),
    NET_MRR_CHURN_RATE("net MRR churn rate", Unit.RATE),
    ARPA("ARPA", Unit.MONEY),
    LTV("LTV", Unit.MONEY),
    CAC("CAC", Unit.MONEY),
    CAC_PAYBACK_MONTHS("CAC payback", Unit.MONTHS),
    LTGP("LTGP", Unit.MONEY),
    LTV_CAC_RATIO("LTV:CAC", Unit.RATIO),
    LTGP_CAC_RATIO("LTGP:CAC", Unit.RATIO),
    QVC("quarterly value created", Unit.MONEY);

    /** What a value is measured in; money is in the tenant's currency. */
    public enum Unit {
        MONEY,
        CUSTOMERS,
        RATE,
        MONTHS,
        RATIO
    }

    private final String label;
    private final Unit unit;

    Metric(String label, Unit unit) {
        this.label = label;
        this.unit = unit;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    public Unit unit() {
        return unit;
    }

    /** The feature a person needs to see this metric. */
    public String feature() {
        return "metrics." + key() + ".view";
    }

    /** QVC is measured per calendar quarter, everything else per calendar month. */
    public boolean quarterly() {
        return this == QVC;
    }

    /** The metric with this key; an unknown key is an invalid-input problem that lists the known ones. */
    public static Metric of(String key) {
        String wanted = key.trim().toLowerCase(Locale.ROOT);
        for (Metric metric : values()) {
            if (metric.key().equals(wanted)) {
                return metric;
            }
        }
        throw Problem.invalid("unknown metric '" + key + "'; metrics are " + keys());
    }

    public static String keys() {
        return Arrays.stream(values()).map(Metric::key).collect(Collectors.joining(", "));
    }
}
