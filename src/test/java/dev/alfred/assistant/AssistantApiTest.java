package dev.alfred.assistant;

import static dev.alfred.testing.AlfredProperties.OWNER_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alfred.testing.AlfredProperties;
import dev.alfred.testing.ApiClient;
import dev.alfred.testing.Users;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The usage and settings endpoints: their permissions, defaults and refusals of bad input. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssistantApiTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return AlfredProperties.fresh();
    }

    @Test
    void usageIsTodaysByDefaultAndRefusesBadDates() {
        assertThat(api().get("/api/v1/usage", OWNER_KEY).status()).isEqualTo(200);
        assertThat(api().get("/api/v1/usage?from=2026-11-01&to=2026-11-30", OWNER_KEY)
                        .status())
                .isEqualTo(200);
        ApiClient.Response bad = api().get("/api/v1/usage?from=yesterday", OWNER_KEY);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.get("detail")).isEqualTo("from must be a date like 2026-11-22, not yesterday");
        assertThat(api().get("/api/v1/usage?from=2026-11-30&to=2026-11-01", OWNER_KEY)
                        .status())
                .isEqualTo(400);
        assertThat(api().get("/api/v1/usage?from=2020-01-01&to=2026-11-01", OWNER_KEY)
                        .status())
                .isEqualTo(400);
    }

    @Test
    void anEmployeeSeesNoUsageAndChangesNoSettings() {
        String key = Users.of(api(), OWNER_KEY).role("employee").create().key();
        assertThat(api().get("/api/v1/usage", key).status()).isEqualTo(403);
        assertThat(api().put("/api/v1/assistant/settings", key, "{\"chain\":\"offline\"}")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void settingsAreStoredAndBadOnesRefusedWithoutLosingTheStoredOnes() {
        String good = "{\"chain\":\"anthropic:claude-haiku-4-5, offline\",\"prompt\":\"Be brief.\","
                + "\"monthlyBudgetUsd\":25.00,\"dailyAlertUsd\":2.50}";
        assertThat(api().put("/api/v1/assistant/settings", OWNER_KEY, good).status())
                .isEqualTo(200);

        ApiClient.Response unknownProvider =
                api().put("/api/v1/assistant/settings", OWNER_KEY, "{\"chain\":\"gemini, offline\"}");
        assertThat(unknownProvider.status()).isEqualTo(400);
        assertThat(unknownProvider.get("detail")).contains("unknown provider gemini");
        assertThat(api().put("/api/v1/assistant/settings", OWNER_KEY, "{\"monthlyBudgetUsd\":-1}")
                        .status())
                .isEqualTo(400);
        assertThat(api().put("/api/v1/assistant/settings", OWNER_KEY, "{\"budget\":5}")
                        .status())
                .isEqualTo(400);

        Map<String, Object> stored =
                api().get("/api/v1/assistant/settings", OWNER_KEY).json();
        assertThat(stored)
                .containsEntry("chain", "anthropic:claude-haiku-4-5, offline")
                .containsEntry("prompt", "Be brief.");
        assertThat(stored.get("monthlyBudgetUsd").toString()).isEqualTo("25.0");
    }

    private ApiClient api() {
        return new ApiClient(server.getURI());
    }
}
