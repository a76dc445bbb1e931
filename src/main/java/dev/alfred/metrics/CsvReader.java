package dev.alfred.metrics;

import dev.alfred.problem.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as RFC 4180 writes it (and spreadsheets export it): comma-separated, fields quoted with
 * {@code "} when they hold commas, quotes or line breaks, {@code ""} for a quote inside.
 */
final class CsvReader {

    private CsvReader() {}

    static List<List<String>> read(String text) {
        List<List<String>> lines = new ArrayList<>();
        List<String> line = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int start = text.startsWith("\uFEFF") ? 1 : 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                line.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                line.add(field.toString());
                field.setLength(0);
                lines.add(line);
                line = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw Problem.invalid("the CSV ends inside a quoted field");
        }
        if (field.length() > 0 || !line.isEmpty()) {
            line.add(field.toString());
            lines.add(line);
        }
        return lines;
    }
}
