package dev.alfred.assistant;

import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Tokens and cost of one UTC day, person, bot, provider and model: a row of {@code GET /api/v1/usage}. */
@Serdeable
public record UsageRow(
        LocalDate day,
        @Nullable UUID userId,
        String bot,
        String provider,
        String model,
        long promptTokens,
        long completionTokens,
        BigDecimal costUsd) {}
