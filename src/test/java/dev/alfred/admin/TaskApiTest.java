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
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code /api/v1/tasks}: the JSON shapes, validation, permissions, visibility and tenant isolation. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskApiTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    ApiClient api;
    Users.Created bob;
    Users.Created carol;
    String acmeKey;

    @Override
    public Map<String, String> getProperties() {
        return AlfredProperties.fresh();
    }

    @BeforeAll
    void people() {
        api = new ApiClient(server.getURI());
        bob = Users.of(api, OWNER_KEY)
                .name("Bob Builder")
                .timezone("Europe/Berlin")
                .create();
        carol = Users.of(api, OWNER_KEY).name("Carol Jones").create();
        acmeKey = api.post("/api/v1/tenants", OWNER_KEY, "{\"name\": \"Acme Corp\"}")
                .get("apiKey");
    }

    private ApiClient.Response create(String key, String json) {
        return api.post("/api/v1/tasks", key, json);
    }

    @Test
    void aCreatedTaskComesBackInTheSpecifiedShape() {
        ApiClient.Response created = create(OWNER_KEY, """
                {"title": "Call Acme", "description": "renewal", "assigneeId": "%s",
                 "due": "2026-12-01T15:00:00+01:00", "priority": "high"}""".formatted(bob.id()));

        assertThat(created.status()).isEqualTo(201);
        Map<String, Object> task = created.json();
        assertThat(task.keySet())
                .containsExactlyInAnyOrder(
                        "id", "title", "description", "assigneeId", "creatorId", "due", "priority", "status", "source");
        assertThat(task)
                .containsEntry("title", "Call Acme")
                .containsEntry("description", "renewal")
                .containsEntry("assigneeId", bob.id())
                .containsEntry("priority", "high")
                .containsEntry("status", "open")
                .containsEntry("source", "api");
        assertThat(OffsetDateTime.parse((String) task.get("due")).toInstant())
                .isEqualTo(OffsetDateTime.parse("2026-12-01T15:00:00+01:00").toInstant());

        // Bob reads it with his own offset.
        ApiClient.Response asBob = api.get("/api/v1/tasks/" + task.get("id"), bob.key());
        assertThat(asBob.status()).isEqualTo(200);
        assertThat(asBob.get("due")).isEqualTo("2026-12-01T15:00:00+01:00");
    }

    @Test
    void aDueWithoutOffsetIsInTheCallersZoneAndPriorityDefaultsToNormal() {
        ApiClient.Response created = create(bob.key(), """
                {"title": "Write report", "due": "2026-12-02T09:00"}""");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.get("due")).isEqualTo("2026-12-02T09:00:00+01:00");
        assertThat(created.get("priority")).isEqualTo("normal");
        assertThat(created.get("assigneeId")).isEqualTo(bob.id());
    }

    @Test
    void badInputIsA400WithAClearMessage() {
        assertThat(create(OWNER_KEY, "{\"title\": \"x\", \"priority\": \"whenever\"}"))
                .satisfies(r -> assertThat(r.status()).isEqualTo(400))
                .satisfies(r -> assertThat(r.get("detail")).contains("unknown priority 'whenever'"));
        assertThat(create(OWNER_KEY, "{\"title\": \"x\", \"due\": \"next blue moon\"}"))
                .satisfies(r -> assertThat(r.status()).isEqualTo(400))
                .satisfies(r -> assertThat(r.get("detail")).contains("due must be an ISO-8601"));
        assertThat(create(OWNER_KEY, "{\"title\": \"x\", \"assigneeId\": \"9d0c1b8e-0000-4000-8000-000000000000\"}"))
                .satisfies(r -> assertThat(r.status()).isEqualTo(400))
                .satisfies(r -> assertThat(r.get("detail")).contains("no user"));
        assertThat(create(OWNER_KEY, "{\"title\": \"x\", \"assigneeId\": \"bob\"}")
                        .status())
                .isEqualTo(400);
        assertThat(create(OWNER_KEY, "{\"description\": \"no title\"}").get("detail"))
                .contains("needs a title");
        assertThat(create(OWNER_KEY, "{\"title\": \"x\", \"colour\": \"red\"}").get("detail"))
                .contains("unknown fields [colour]");
        assertThat(create(OWNER_KEY, "not json").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/tasks?status=later", OWNER_KEY).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/tasks?size=0", OWNER_KEY).status()).isEqualTo(400);
    }

    @Test
    void anEmployeeMayNotAssignToSomeoneElseAndNothingIsStored() {
        ApiClient.Response refused = create(bob.key(), """
                {"title": "Carol's job", "assigneeId": "%s"}""".formatted(carol.id()));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.get("detail")).contains("tasks.assign");
        assertThat(api.get("/api/v1/tasks?size=200", OWNER_KEY).list())
                .noneMatch(task -> task.get("title").equals("Carol's job"));
    }

    @Test
    void employeesSeeTheirOwnTasksAndTheCeoSeesEveryone() {
        String carols = create(OWNER_KEY, """
                        {"title": "Carol only", "assigneeId": "%s"}""".formatted(carol.id())).get("id");

        assertThat(api.get("/api/v1/tasks/" + carols, bob.key()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/tasks/" + carols, carol.key()).status()).isEqualTo(200);
        assertThat(api.patch("/api/v1/tasks/" + carols, bob.key(), "{\"status\": \"done\"}")
                        .status())
                .isEqualTo(404);
        List<Map<String, Object>> bobsView = api.get("/api/v1/tasks", bob.key()).list();
        assertThat(bobsView)
                .allMatch(t -> t.get("assigneeId").equals(bob.id())
                        || t.get("creatorId").equals(bob.id()));
        assertThat(api.get("/api/v1/tasks?assigneeId=" + carol.id(), OWNER_KEY).list())
                .isNotEmpty()
                .allMatch(t -> t.get("assigneeId").equals(carol.id()));
    }

    @Test
    void patchChangesStatusAssigneeAndDue() {
        String id = create(OWNER_KEY, """
                        {"title": "Move me", "due": "2026-12-05T10:00:00Z"}""").get("id");
        String path = "/api/v1/tasks/" + id;

        assertThat(api.patch(path, OWNER_KEY, "{\"status\": \"done\"}").get("status"))
                .isEqualTo("done");
        assertThat(api.patch(path, OWNER_KEY, "{\"status\": \"open\", \"assigneeId\": \"%s\"}".formatted(carol.id()))
                        .json())
                .containsEntry("status", "open")
                .containsEntry("assigneeId", carol.id());
        assertThat(api.patch(path, OWNER_KEY, "{\"due\": null}").json()).containsEntry("due", null);
        assertThat(api.patch(path, OWNER_KEY, "{\"status\": \"later\"}").status())
                .isEqualTo(400);
        assertThat(api.patch(path, OWNER_KEY, "{\"title\": \"renamed\"}").status())
                .isEqualTo(400);
        assertThat(api.get(path, OWNER_KEY).json())
                .containsEntry("title", "Move me")
                .containsEntry("status", "open");
    }

    @Test
    void anotherTenantsTaskIsNotFound() {
        String id = create(OWNER_KEY, "{\"title\": \"Secret plan\"}").get("id");

        assertThat(api.get("/api/v1/tasks/" + id, acmeKey).status()).isEqualTo(404);
        assertThat(api.patch("/api/v1/tasks/" + id, acmeKey, "{\"status\": \"cancelled\"}")
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/tasks", acmeKey).list())
                .noneMatch(t -> t.get("title").equals("Secret plan"));
        assertThat(create(acmeKey, "{\"title\": \"x\", \"assigneeId\": \"%s\"}".formatted(bob.id()))
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/tasks/" + id, OWNER_KEY).get("status")).isEqualTo("open");
    }
}
