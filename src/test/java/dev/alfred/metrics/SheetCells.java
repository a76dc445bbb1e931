package dev.alfred.metrics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Turns a CSV text into cells as the Sheets API returns unformatted values: numbers, booleans, date serials. */
final class SheetCells {

    private SheetCells() {}

    static List<List<Object>> of(String csv) {
        List<List<Object>> rows = new ArrayList<>();
        for (List<String> line : CsvReader.read(csv)) {
            List<Object> row = new ArrayList<>();
            for (String cell : line) {
                row.add(cell(cell));
            }
            rows.add(row);
        }
        return rows;
    }

    private static Object cell(String text) {
        if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return LocalDate.parse(text).toEpochDay()
                    - LocalDate.of(1899, 12, 30).toEpochDay();
        }
        if (text.matches("-?\\d+(\\.\\d+)?")) {
            return text.contains(".") ? (Object) Double.parseDouble(text) : (Object) Long.parseLong(text);
        }
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        return text;
    }
}
