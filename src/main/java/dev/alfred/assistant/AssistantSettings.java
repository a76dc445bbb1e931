package dev.alfred.assistant;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/**
 * {@code alfred.assistant.*}: the deployment's model chain, how hard to retry a provider, how many
 * tool rounds a turn may take, the limits, and the response cache.
 *
 * @param timeout the longest one provider call may take
 * @param turnTimeout the longest a whole turn may spend on providers before the offline model answers
 * @param chain providers in order, e.g. {@code openai:gpt-4o-mini, offline} ({@code ALFRED_AI_CHAIN})
 * @param dailyMessages messages a person may send the assistant per day
 * @param dailyMessagesByRole per-role overrides of {@code dailyMessages}, keyed by role name
 * @param monthlyBudgetUsd a tenant's monthly provider spend before only the offline model answers (0: none)
 * @param dailyAlertUsd a tenant's daily spend that alerts its admins (0: no alert)
 */
@ConfigurationProperties("alfred.assistant")
record AssistantSettings(
        String chain,
        int maxToolRounds,
        int retries,
        Duration backoff,
        Duration timeout,
        Duration turnTimeout,
        int historyMessages,
        int dailyMessages,
        Map<String, Integer> dailyMessagesByRole,
        BigDecimal monthlyBudgetUsd,
        BigDecimal dailyAlertUsd,
        Duration cacheTtl) {

    // Unset in the configuration, the map arrives as null.
    AssistantSettings {
        dailyMessagesByRole = dailyMessagesByRole == null ? Map.of() : Map.copyOf(dailyMessagesByRole);
    }

    int dailyMessagesFor(String role) {
        return dailyMessagesByRole.getOrDefault(role, dailyMessages);
    }
}
