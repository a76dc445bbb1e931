package dev.alfred.assistant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's own assistant settings; a null value means "as configured for the deployment": the
 * chain of the bot or {@code ALFRED_AI_CHAIN}, the prompt in {@code config/prompts/}, the budget and
 * alert threshold of {@code alfred.assistant.*}.
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
public record TenantAssistant(
        @Nullable String chain,
        @Nullable String prompt,
        @Nullable BigDecimal monthlyBudgetUsd,
        @Nullable BigDecimal dailyAlertUsd) {

    static final TenantAssistant DEFAULTS = new TenantAssistant(null, null, null, null);
}
