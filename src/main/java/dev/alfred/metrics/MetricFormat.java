package dev.alfred.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Writes a metric's value for people: {@code 12,345.67 USD}, {@code 5.23%}, {@code 4.2 months}, {@code 3.10x}. */
final class MetricFormat {

    private MetricFormat() {}

    static String value(Metric metric, String unit, @Nullable BigDecimal value) {
        if (value == null) {
            return "undefined";
        }
        return switch (metric.unit()) {
            case MONEY -> decimal(value, 2) + " " + unit;
            case CUSTOMERS -> decimal(value, 0);
            case RATE -> decimal(value.movePointRight(2), 2) + "%";
            case MONTHS -> decimal(value, 1) + " months";
            case RATIO -> decimal(value, 2) + "x";
        };
    }

    /** A change against the previous period, with its sign; rates change in percentage points. */
    static String change(Metric metric, String unit, BigDecimal change) {
        String sign = change.signum() >= 0 ? "+" : "-";
        if (metric.unit() == Metric.Unit.RATE) {
            return sign + decimal(change.abs().movePointRight(2), 2) + " pp";
        }
        return sign + value(metric, unit, change.abs());
    }

    private static String decimal(BigDecimal value, int scale) {
        DecimalFormat format = new DecimalFormat(
                scale == 0 ? "#,##0" : "#,##0." + "0".repeat(scale), DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(value.setScale(scale, RoundingMode.HALF_UP));
    }
}
