package dev.alfred.metrics;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's sheet: its id, the sheet's name for each tab that is not named as the tab itself,
 * how often it is synced ({@code daily}, {@code weekly}, {@code monthly}), and the service account's
 * e-mail to share it with ({@code null} while Sheets is not configured).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SheetSettings(
        @Nullable String spreadsheetId,
        Map<String, String> tabs,
        @Nullable String schedule,
        @Nullable String serviceAccount) {

    /** What {@code PUT /api/v1/metrics/sheets} takes. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Input(
            @Nullable String spreadsheetId,
            @Nullable Map<String, String> tabs,
            @Nullable String schedule) {}
}
