package dev.alfred.metrics;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import org.jspecify.annotations.Nullable;

/**
 * Why a row was not imported ({@code row} counts the header as 1, as the sheet does), or, without a
 * tab and row, why a whole sync failed.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SyncError(@Nullable String tab, @Nullable Integer row, String reason) {}
