package dev.alfred.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads one cell: text from a CSV file, or what the Sheets API returns for unformatted values
 * (strings, numbers as {@link BigDecimal}, booleans; dates as serial day numbers). A value that
 * cannot be read throws {@link BadCell} with the reason the row is reported with.
 */
final class Cells {

    /** Day 0 of Google Sheets' (and Excel's) date serial numbers. */
    private static final LocalDate SERIAL_EPOCH = LocalDate.of(1899, 12, 30);

    private Cells() {}

    static final class BadCell extends RuntimeException {
        BadCell(String reason) {
            super(reason, null, false, false);
        }
    }

    static @Nullable String text(@Nullable Object cell) {
        if (cell == null) {
            return null;
        }
        String text = cell instanceof BigDecimal number
                ? number.toPlainString()
                : cell.toString().strip();
        return text.isEmpty() ? null : text;
    }

    static String requiredText(String column, @Nullable Object cell) {
        String text = text(cell);
        if (text == null) {
            throw new BadCell(column + " is missing");
        }
        return text;
    }

    static @Nullable BigDecimal decimal(String column, @Nullable Object cell) {
        if (cell instanceof BigDecimal number) {
            return number;
        }
        if (cell instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        String text = text(cell);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.replace(",", ""));
        } catch (NumberFormatException e) {
            throw new BadCell(column + " '" + text + "' is not a number");
        }
    }

    static BigDecimal requiredDecimal(String column, @Nullable Object cell) {
        BigDecimal value = decimal(column, cell);
        if (value == null) {
            throw new BadCell(column + " is missing");
        }
        return value;
    }

    /** An ISO date ({@code 2026-03-31}) or a Sheets date serial ({@code 46112}). */
    static @Nullable LocalDate date(String column, @Nullable Object cell) {
        if (cell instanceof Number number) {
            return serial(column, new BigDecimal(number.toString()));
        }
        String text = text(cell);
        if (text == null) {
            return null;
        }
        if (text.matches("\\d{1,6}(\\.\\d+)?")) {
            return serial(column, new BigDecimal(text));
        }
        try {
            return LocalDate.parse(text.length() > 10 && text.charAt(10) == 'T' ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new BadCell(column + " '" + text + "' is not a date (YYYY-MM-DD or a Sheets date serial)");
        }
    }

    static LocalDate requiredDate(String column, @Nullable Object cell) {
        LocalDate value = date(column, cell);
        if (value == null) {
            throw new BadCell(column + " is missing");
        }
        return value;
    }

    static boolean bool(String column, @Nullable Object cell) {
        if (cell instanceof Boolean value) {
            return value;
        }
        String text = text(cell);
        if (text == null) {
            return false;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new BadCell(column + " '" + text + "' is not true or false");
        };
    }

    private static LocalDate serial(String column, BigDecimal days) {
        if (days.signum() < 0 || days.compareTo(BigDecimal.valueOf(2_958_465)) > 0) {
            throw new BadCell(column + " '" + days + "' is not a date");
        }
        return SERIAL_EPOCH.plusDays(days.longValue());
    }
}
