package dev.alfred.metrics;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A metric in a period as the API and chat show it: the value that counts and where it comes from,
 * its unit ({@code USD}-style currency for money, else {@code customers}, {@code rate} as a
 * fraction, {@code months}, {@code ratio}), and its change against the previous period.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MetricValue(
        String key,
        String label,
        String period,
        @Nullable String channel,
        @Nullable BigDecimal value,
        String unit,
        String source,
        @Nullable BigDecimal computed,
        @Nullable String note,
        @Nullable String enteredBy,
        @Nullable String manualNote,
        String previousPeriod,
        @Nullable BigDecimal previousValue,
        @Nullable BigDecimal change) {}
