package dev.alfred.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alfred.testing.AlfredProperties;
import dev.alfred.testing.ApiClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationsEndpointsTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return AlfredProperties.fresh();
    }

    @Test
    void health_is_up_with_the_database_detail() {
        ApiClient.Response health = new ApiClient(server.getURI()).get("/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json()).containsEntry("status", "UP");
        assertThat(health.body()).contains("\"jdbc\"").contains("PostgreSQL");
    }

    @Test
    void prometheus_serves_metrics_without_auth() {
        ApiClient.Response metrics = new ApiClient(server.getURI()).get("/prometheus", null);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("hikaricp_connections").contains("jvm_memory_used_bytes");
    }

    @Test
    void the_openapi_document_and_swagger_ui_are_served() {
        ApiClient api = new ApiClient(server.getURI());
        ApiClient.Response spec = api.get("/swagger/alfred-admin-api-0.1.yml", null);
        assertThat(spec.status()).isEqualTo(200);
        assertThat(spec.body()).contains("/api/v1/users/{id}/permissions").contains("/api/v1/audit");
        assertThat(api.get("/swagger-ui/index.html", null).status()).isEqualTo(200);
    }
}
