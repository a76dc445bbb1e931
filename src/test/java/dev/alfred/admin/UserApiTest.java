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

/** Users, link codes and API keys through the admin API, and the error shapes it answers with. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserApiTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    ApiClient api;

    @Override
    public Map<String, String> getProperties() {
        return AlfredProperties.fresh();
    }

    @BeforeAll
    void connect() {
        api = new ApiClient(server.getURI());
    }

    @Test
    void create_read_and_patch_a_user() {
        ApiClient.Response created = api.post("/api/v1/users", OWNER_KEY, """
                {"name": "Grace Hopper", "email": "grace@example.com", "role": "manager",
                 "department": "Engineering", "timezone": "America/New_York", "tier": "gold"}""");
        assertThat(created.status()).isEqualTo(201);
        String id = created.get("id");
        assertThat(api.get("/api/v1/users/" + id, OWNER_KEY).json())
                .containsEntry("name", "Grace Hopper")
                .containsEntry("email", "grace@example.com")
                .containsEntry("role", "manager")
                .containsEntry("department", "Engineering")
                .containsEntry("timezone", "America/New_York")
                .containsEntry("tier", "gold")
                .containsEntry("active", true);

        ApiClient.Response patched =
                api.patch("/api/v1/users/" + id, OWNER_KEY, "{\"department\": \"\", \"role\": \"admin\"}");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json())
                .containsEntry("role", "admin")
                .containsEntry("name", "Grace Hopper")
                .doesNotContainKey("department");
    }

    @Test
    void bad_user_input_is_400_or_409_and_changes_nothing() {
        assertThat(api.post("/api/v1/users", OWNER_KEY, "{\"email\": \"x@example.com\"}")
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/users", OWNER_KEY, "{\"name\": \"A\", \"email\": \"not-an-email\"}")
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/users", OWNER_KEY, "{\"name\": \"A\", \"timezone\": \"Mars/Olympus\"}")
                        .get("detail"))
                .contains("unknown timezone");
        api.post("/api/v1/users", OWNER_KEY, "{\"name\": \"First\", \"email\": \"dup@example.com\"}");
        ApiClient.Response duplicate =
                api.post("/api/v1/users", OWNER_KEY, "{\"name\": \"Second\", \"email\": \"DUP@example.com\"}");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(api.get("/api/v1/users", OWNER_KEY).body()).doesNotContain("Second");
    }

    @Test
    void only_a_ceo_hands_out_the_ceo_role_and_the_last_ceo_stays() {
        Users.Created admin = Users.of(api, OWNER_KEY).role("admin").create();
        ApiClient.Response refused =
                api.post("/api/v1/users", admin.key(), "{\"name\": \"Usurper\", \"role\": \"ceo\"}");
        assertThat(refused.status()).isEqualTo(403);

        String ownerId = api.get("/api/v1/users", OWNER_KEY).list().stream()
                .filter(u -> u.get("role").equals("ceo"))
                .findFirst()
                .orElseThrow()
                .get("id")
                .toString();
        ApiClient.Response lastCeo = api.patch("/api/v1/users/" + ownerId, OWNER_KEY, "{\"role\": \"admin\"}");
        assertThat(lastCeo.status()).isEqualTo(409);
        assertThat(api.get("/api/v1/users", OWNER_KEY).status()).isEqualTo(200);
    }

    @Test
    void a_link_code_is_created_for_a_user() {
        Users.Created user = Users.of(api, OWNER_KEY).create();
        ApiClient.Response code = api.post("/api/v1/users/" + user.id() + "/link-codes", OWNER_KEY, "");
        assertThat(code.status()).isEqualTo(201);
        assertThat(code.get("code")).matches("[A-Z2-9]{8}");
        assertThat(code.json()).containsKey("expiresAt");
        assertThat(api.get("/api/v1/audit?action=link_code.create", OWNER_KEY).list())
                .isNotEmpty();
    }

    @Test
    void an_employee_may_not_manage_users() {
        Users.Created employee = Users.of(api, OWNER_KEY).create();
        ApiClient.Response response = api.get("/api/v1/users", employee.key());
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json())
                .containsEntry("error", "forbidden")
                .containsEntry("detail", "not allowed: admin.users");
    }

    @Test
    void errors_are_json_with_error_and_detail_and_no_internals() {
        assertError(api.post("/api/v1/users", OWNER_KEY, "{\"name\": "), 400);
        assertError(api.post("/api/v1/users", OWNER_KEY, "{\"name\": \"A\", \"rol\": \"admin\"}"), 400);
        assertError(api.post("/api/v1/users", OWNER_KEY, "{\"name\": \"A\", \"role\": \"boss\"}"), 400);
        assertError(api.get("/api/v1/users/not-a-uuid", OWNER_KEY), 400);
        assertError(api.get("/api/v1/users/00000000-0000-0000-0000-000000000000", OWNER_KEY), 404);
        assertError(api.get("/api/v1/nothing-here", OWNER_KEY), 404);
        assertError(api.send("POST", "/api/v1/users", OWNER_KEY, "name=A", "text/plain"), 415);
        assertError(api.get("/api/v1/audit?limit=0", OWNER_KEY), 400);
        assertError(api.get("/api/v1/audit?from=yesterday", OWNER_KEY), 400);
        assertError(api.post("/api/v1/api-keys", OWNER_KEY, "{\"name\": \"no user\"}"), 400);
    }

    private static void assertError(ApiClient.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        Map<String, Object> body = response.json();
        assertThat(body).containsOnlyKeys("error", "detail");
        assertThat(body.get("detail").toString())
                .isNotBlank()
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }
}
