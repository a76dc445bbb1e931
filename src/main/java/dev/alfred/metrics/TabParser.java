package dev.alfred.metrics;

import dev.alfred.problem.Problem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns a tab's cells (header first) into rows for its table. Columns are found by header name, in
 * any order; extra columns are ignored. A bad row is reported with its row number and reason and
 * left out; a missing required column refuses the whole tab.
 */
final class TabParser {

    private TabParser() {}

    static ParsedTab parse(Tab tab, List<? extends List<?>> cells) {
        if (cells.isEmpty()) {
            throw Problem.invalid(tab.key() + ": the tab is empty; its first row must be the header "
                    + String.join(", ", tab.requiredHeaders()));
        }
        Map<String, Integer> header = header(cells.getFirst());
        List<String> missing = tab.requiredHeaders().stream()
                .filter(name -> !header.containsKey(name))
                .toList();
        if (!missing.isEmpty()) {
            throw Problem.invalid(
                    tab.key() + ": missing column" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing));
        }
        List<Object[]> rows = new ArrayList<>(cells.size());
        List<SyncError> errors = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 1; i < cells.size(); i++) {
            List<?> line = cells.get(i);
            if (line.stream().allMatch(cell -> Cells.text(cell) == null)) {
                continue;
            }
            Row row = new Row(header, line);
            int number = i + 1;
            try {
                Object[] values = switch (tab) {
                    case SUBSCRIPTIONS -> subscription(row);
                    case EXPENSES -> expense(row);
                    case PROJECTS -> project(row);
                    case STRATEGIC -> strategic(row, keys);
                };
                Object[] numbered = new Object[values.length + 1];
                numbered[0] = number;
                System.arraycopy(values, 0, numbered, 1, values.length);
                rows.add(numbered);
            } catch (Cells.BadCell bad) {
                errors.add(new SyncError(tab.key(), number, bad.getMessage()));
            }
        }
        return new ParsedTab(tab, rows, errors);
    }

    private static Map<String, Integer> header(List<?> cells) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String name = Cells.text(cells.get(i));
            if (name != null) {
                columns.putIfAbsent(name.toLowerCase(Locale.ROOT), i);
            }
        }
        return columns;
    }

    private static Object[] subscription(Row row) {
        String interval = Cells.requiredText("interval", row.get("interval")).toLowerCase(Locale.ROOT);
        if (!List.of("month", "quarter", "year").contains(interval)) {
            throw new Cells.BadCell("interval '" + interval + "' is not month, quarter or year");
        }
        BigDecimal amount = nonNegative("amount", Cells.requiredDecimal("amount", row.get("amount")));
        BigDecimal quantity = Cells.decimal("quantity", row.get("quantity"));
        BigDecimal discount = Cells.decimal("discount_pct", row.get("discount_pct"));
        if (discount != null && (discount.signum() < 0 || discount.compareTo(BigDecimal.valueOf(100)) > 0)) {
            throw new Cells.BadCell("discount_pct " + discount + " is not between 0 and 100");
        }
        LocalDate start = Cells.requiredDate("start_date", row.get("start_date"));
        LocalDate end = Cells.date("end_date", row.get("end_date"));
        if (end != null && end.isBefore(start)) {
            throw new Cells.BadCell("end_date " + end + " is before start_date " + start);
        }
        return new Object[] {
            Cells.requiredText("customer_id", row.get("customer_id")),
            Cells.text(row.get("customer_name")),
            Cells.text(row.get("segment")),
            Cells.text(row.get("channel")),
            Cells.text(row.get("plan")),
            amount,
            interval,
            nonNegative("quantity", quantity == null ? BigDecimal.ONE : quantity),
            discount == null ? BigDecimal.ZERO : discount,
            Cells.bool("discount_forever", row.get("discount_forever")),
            Cells.date("trial_end", row.get("trial_end")),
            start,
            end
        };
    }

    private static Object[] expense(Row row) {
        LocalDate date = Cells.requiredDate("date", row.get("date"));
        String category = Cells.requiredText("category", row.get("category")).toLowerCase(Locale.ROOT);
        if (!List.of("sales", "marketing", "cogs", "other").contains(category)) {
            throw new Cells.BadCell("category '" + category + "' is not sales, marketing, cogs or other");
        }
        return new Object[] {
            date, category, Cells.text(row.get("channel")), Cells.requiredDecimal("amount", row.get("amount"))
        };
    }

    private static Object[] project(Row row) {
        String status = Cells.requiredText("status", row.get("status")).toLowerCase(Locale.ROOT);
        LocalDate completed = Cells.date("completed_date", row.get("completed_date"));
        if (status.equals("completed") && completed == null) {
            throw new Cells.BadCell("completed_date is missing for a completed project");
        }
        return new Object[] {
            Cells.requiredText("project", row.get("project")),
            Cells.text(row.get("customer_id")),
            Cells.requiredDecimal("value", row.get("value")),
            status,
            completed
        };
    }

    private static Object[] strategic(Row row, Set<String> seen) {
        String key = Cells.requiredText("key", row.get("key")).toLowerCase(Locale.ROOT);
        String value = Cells.requiredText("value", row.get("value"));
        if (!seen.add(key)) {
            throw new Cells.BadCell("key '" + key + "' appears twice");
        }
        if (key.equals("gross_margin_pct")) {
            BigDecimal margin = Cells.requiredDecimal("value", value);
            if (margin.signum() < 0 || margin.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new Cells.BadCell("gross_margin_pct " + margin + " is not between 0 and 100");
            }
            value = margin.toPlainString();
        }
        return new Object[] {key, value};
    }

    private static BigDecimal nonNegative(String column, BigDecimal value) {
        if (value.signum() < 0) {
            throw new Cells.BadCell(column + " " + value + " is negative");
        }
        return value;
    }

    /** One line of cells, read by header name; a short line reads as empty cells. */
    private record Row(Map<String, Integer> header, List<?> cells) {
        @Nullable
        Object get(String column) {
            Integer index = header.get(column);
            return index == null || index >= cells.size() ? null : cells.get(index);
        }
    }
}
