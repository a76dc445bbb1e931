package dev.alfred.metrics;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One sync or import: {@code running}, {@code ok} or {@code failed}, rows imported per tab, and what went wrong. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SyncRun(
        UUID id,
        String source,
        String status,
        Instant startedAt,
        @Nullable Instant finishedAt,
        Map<String, Integer> rows,
        List<SyncError> errors) {}
