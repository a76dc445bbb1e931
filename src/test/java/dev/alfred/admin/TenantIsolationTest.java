package dev.alfred.admin;

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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    ApiClient api;
    String acmeKey;
    Users.Created defaultUser;

    @Override
    public Map<String, String> getProperties() {
        return AlfredProperties.fresh();
    }

    @BeforeAll
    void twoTenants() {
        api = new ApiClient(server.getURI());
        ApiClient.Response acme = api.post("/api/v1/tenants", OWNER_KEY, "{\"name\": \"Acme Corp\"}");
        assertThat(acme.status()).isEqualTo(201);
        acmeKey = acme.get("apiKey");
        defaultUser = Users.of(api, OWNER_KEY).name("Dana").create();
    }

    @Test
    void a_new_tenant_comes_with_its_ceo_owner_and_a_working_key() {
        Map<String, Object> tenant = api.get("/api/v1/tenants/current", acmeKey).json();
        assertThat(tenant).containsEntry("slug", "acme-corp").containsEntry("operator", false);
        assertThat(api.get("/api/v1/users", acmeKey).list())
                .singleElement()
                .satisfies(owner -> assertThat(owner).containsEntry("role", "ceo"));
    }

    @Test
    void another_tenants_user_is_404_everywhere() {
        String path = "/api/v1/users/" + defaultUser.id();
        assertThat(api.get(path, acmeKey).status()).isEqualTo(404);
        assertThat(api.patch(path, acmeKey, "{\"name\": \"Mallory\"}").status()).isEqualTo(404);
        assertThat(api.post(path + "/link-codes", acmeKey, "").status()).isEqualTo(404);
        assertThat(api.get(path + "/permissions", acmeKey).status()).isEqualTo(404);
        assertThat(api.put(path + "/permissions/tasks.assign", acmeKey, "{\"allowed\": true}")
                        .status())
                .isEqualTo(404);
        assertThat(api.post(
                                "/api/v1/api-keys",
                                acmeKey,
                                "{\"userId\": \"%s\", \"name\": \"x\"}".formatted(defaultUser.id()))
                        .status())
                .isEqualTo(404);
        assertThat(api.get(path, OWNER_KEY).json()).containsEntry("name", "Dana");
    }

    @Test
    void another_tenants_api_key_cannot_be_revoked() {
        String keyId = api.get("/api/v1/api-keys", OWNER_KEY)
                .list()
                .getFirst()
                .get("id")
                .toString();
        assertThat(api.delete("/api/v1/api-keys/" + keyId, acmeKey).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/users", OWNER_KEY).status()).isEqualTo(200);
    }

    @Test
    void listings_show_only_the_callers_tenant() {
        assertThat(api.get("/api/v1/users", acmeKey).body()).doesNotContain(defaultUser.id());
        assertThat(api.get("/api/v1/audit", acmeKey).body()).doesNotContain(defaultUser.id());
        assertThat(api.get("/api/v1/api-keys", acmeKey).list()).hasSize(1);
    }

    @Test
    void only_the_first_tenants_ceo_creates_tenants() {
        ApiClient.Response response = api.post("/api/v1/tenants", acmeKey, "{\"name\": \"Shadow\"}");
        assertThat(response.status()).isEqualTo(403);
        Users.Created admin = Users.of(api, OWNER_KEY).role("admin").create();
        assertThat(api.post("/api/v1/tenants", admin.key(), "{\"name\": \"Shadow\"}")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void a_duplicate_or_empty_tenant_name_is_refused() {
        assertThat(api.post("/api/v1/tenants", OWNER_KEY, "{\"name\": \"acme corp\"}")
                        .status())
                .isEqualTo(409);
        assertThat(api.post("/api/v1/tenants", OWNER_KEY, "{\"name\": \"  \"}").status())
                .isEqualTo(400);
    }
}
