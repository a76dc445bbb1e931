package dev.alfred.metrics;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A metric's value in one period: the value that counts ({@code source} {@code manual} when entered
 * by hand, else {@code computed}; {@code none} before any data), the computed value with its note
 * (why it is undefined), and the manual entry with who entered it and why.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MetricPoint(
        String period,
        @Nullable BigDecimal value,
        String source,
        @Nullable BigDecimal computed,
        @Nullable String note,
        @Nullable BigDecimal manual,
        @Nullable String manualNote,
        @Nullable String enteredBy,
        @Nullable Instant enteredAt) {

    static MetricPoint empty(Period period) {
        return new MetricPoint(
                period.toString(), null, "none", null, "no data for this period", null, null, null, null);
    }
}
