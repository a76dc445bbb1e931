package dev.alfred.conversation;

import static dev.alfred.testing.AlfredProperties.OWNER_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alfred.channel.Inbound;
import dev.alfred.testing.AlfredProperties;
import dev.alfred.testing.ApiClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkspaceTenantsTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    @Inject
    WorkspaceTenants workspaces;

    @Inject
    TransactionOperations<Connection> tx;

    @Override
    public Map<String, String> getProperties() {
        return AlfredProperties.fresh();
    }

    private UUID resolve(String channel, String workspace) {
        Inbound event =
                new Inbound("alfred", channel, "e", workspace, "c", "u", null, Inbound.Kind.TEXT, "hi", Map.of());
        return tx.executeRead(status -> workspaces.resolve(event));
    }

    @Test
    void a_mapped_workspace_belongs_to_its_tenant_and_others_to_the_bots_tenant() {
        ApiClient api = new ApiClient(server.getURI());
        ApiClient.Response acme = api.post("/api/v1/tenants", OWNER_KEY, "{\"name\": \"Acme\"}");
        String acmeId =
                acme.json().get("tenant") instanceof Map<?, ?> t ? t.get("id").toString() : "";
        String defaultId = api.get("/api/v1/tenants/current", OWNER_KEY).get("id");

        assertThat(api.put("/api/v1/channels/slack/workspaces/T-ACME", OWNER_KEY, "{\"tenant\": \"acme\"}")
                        .status())
                .isEqualTo(204);
        assertThat(resolve("slack", "T-ACME")).hasToString(acmeId);
        assertThat(resolve("slack", "T-OTHER")).hasToString(defaultId);
        assertThat(resolve("discord", "T-ACME")).hasToString(defaultId);

        // Resolved (and cached) before it is mapped: the mapping applies on this instance at once.
        assertThat(resolve("slack", "T-LATER")).hasToString(defaultId);
        assertThat(api.put("/api/v1/channels/slack/workspaces/T-LATER", OWNER_KEY, "{\"tenant\": \"acme\"}")
                        .status())
                .isEqualTo(204);
        assertThat(resolve("slack", "T-LATER")).hasToString(acmeId);

        assertThat(api.put("/api/v1/channels/slack/workspaces/T-X", acme.get("apiKey"), "{\"tenant\": \"acme\"}")
                        .status())
                .isEqualTo(403);
        assertThat(api.put("/api/v1/channels/slack/workspaces/T-X", OWNER_KEY, "{\"tenant\": \"nobody\"}")
                        .status())
                .isEqualTo(404);
        assertThat(api.put("/api/v1/channels/telegram/workspaces/T-X", OWNER_KEY, "{\"tenant\": \"acme\"}")
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/audit?action=workspace.map", OWNER_KEY).list())
                .hasSize(2);
    }
}
