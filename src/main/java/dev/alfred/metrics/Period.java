package dev.alfred.metrics;

import dev.alfred.problem.Problem;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar month ({@code 2026-03}) or, for quarterly metrics, a calendar quarter ({@code 2026-Q1}),
 * kept as its first month. The text form sorts like the periods themselves.
 */
public record Period(YearMonth start, boolean quarter) implements Comparable<Period> {

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])", Pattern.CASE_INSENSITIVE);

    public Period {
        if (quarter && (start.getMonthValue() - 1) % 3 != 0) {
            throw new IllegalArgumentException("a quarter starts in January, April, July or October: " + start);
        }
    }

    public static Period month(YearMonth month) {
        return new Period(month, false);
    }

    /** The period of {@code metric} that contains {@code day}. */
    public static Period containing(Metric metric, LocalDate day) {
        YearMonth month = YearMonth.from(day);
        return metric.quarterly() ? quarterOf(month) : month(month);
    }

    /**
     * Parses {@code YYYY-MM} or {@code YYYY-Qn} for {@code metric}; a month given for a quarterly metric
     * means its quarter, a quarter given for a monthly metric is refused.
     */
    public static Period parse(Metric metric, String text) {
        String trimmed = text.trim();
        Matcher month = MONTH.matcher(trimmed);
        if (month.matches()) {
            int number = Integer.parseInt(month.group(2));
            if (number < 1 || number > 12) {
                throw Problem.invalid("'" + text + "' is not a month; write YYYY-MM, e.g. 2026-03");
            }
            YearMonth value = YearMonth.of(Integer.parseInt(month.group(1)), number);
            return metric.quarterly() ? quarterOf(value) : month(value);
        }
        Matcher quarter = QUARTER.matcher(trimmed);
        if (quarter.matches()) {
            if (!metric.quarterly()) {
                throw Problem.invalid(metric.key() + " is monthly; write the period as YYYY-MM");
            }
            int first = (Integer.parseInt(quarter.group(2)) - 1) * 3 + 1;
            return new Period(YearMonth.of(Integer.parseInt(quarter.group(1)), first), true);
        }
        throw Problem.invalid("'" + text + "' is not a period; write YYYY-MM"
                + (metric.quarterly() ? " or YYYY-Qn" : "") + ", e.g. 2026-03");
    }

    private static Period quarterOf(YearMonth month) {
        return new Period(month.withMonth((month.getMonthValue() - 1) / 3 * 3 + 1), true);
    }

    public Period previous() {
        return minus(1);
    }

    /** The period {@code count} periods earlier. */
    public Period minus(int count) {
        return new Period(start.minusMonths((long) count * (quarter ? 3 : 1)), quarter);
    }

    @Override
    public int compareTo(Period other) {
        return start.compareTo(other.start);
    }

    @Override
    public String toString() {
        return quarter ? start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1) : start.toString();
    }
}
