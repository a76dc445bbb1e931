package dev.alfred.identity;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.serde.annotation.Serdeable;
import org.jspecify.annotations.Nullable;

/**
 * The fields of a user that can be set. On create, {@code name} and {@code role} are required; on
 * update, a missing or null field stays as it is and an empty string clears an optional one.
 * Unknown fields are refused so that a misspelt field is not silently ignored.
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
public record UserInput(
        @Nullable String name,
        @Nullable String email,
        @Nullable Role role,
        @Nullable String department,
        @Nullable String timezone,
        @Nullable String tier,
        @Nullable Boolean active) {}
