package dev.alfred.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Collects benchmark rows, prints them as a table and writes {@code target/bench/<name>.json}. */
public final class BenchReport {

    private static final Logger LOG = LoggerFactory.getLogger(BenchReport.class);

    private final String name;
    private final List<String> columns;
    private final List<List<String>> rows = new ArrayList<>();

    public BenchReport(String name, String... columns) {
        this.name = name;
        this.columns = List.of(columns);
    }

    public void row(Object... values) {
        rows.add(Arrays.stream(values).map(String::valueOf).toList());
    }

    /** The p-th percentile (0-100) of the values, in the same unit. */
    public static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    public static String fixed(double value) {
        return String.format("%.1f", value);
    }

    /** Prints the table (Markdown, ready for the README) and writes the JSON file. */
    public void publish() {
        StringBuilder table = new StringBuilder("\n| " + String.join(" | ", columns) + " |\n|");
        columns.forEach(c -> table.append("---|"));
        rows.forEach(r -> table.append("\n| ").append(String.join(" | ", r)).append(" |"));
        LOG.info(
                "Benchmark {} on {} cores, Java {}:{}\n",
                name,
                Runtime.getRuntime().availableProcessors(),
                Runtime.version(),
                table);
        List<Map<String, String>> json = new ArrayList<>();
        for (List<String> row : rows) {
            Map<String, String> object = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                object.put(columns.get(i), row.get(i));
            }
            json.add(object);
        }
        String text = json.stream()
                .map(o -> o.entrySet().stream()
                        .map(e -> "\"" + e.getKey() + "\": \"" + e.getValue() + "\"")
                        .collect(Collectors.joining(", ", "  {", "}")))
                .collect(Collectors.joining(",\n", "[\n", "\n]\n"));
        try {
            Path dir = Path.of("target", "bench");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name + ".json"), text);
            Files.writeString(dir.resolve(name + ".md"), table.toString().strip() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
