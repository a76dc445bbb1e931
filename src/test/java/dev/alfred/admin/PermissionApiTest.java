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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Each rule of the decision order, seen through the admin API, and the audit trail of changes. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermissionApiTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    ApiClient api;
    String ownerId;

    @Override
    public Map<String, String> getProperties() {
        return AlfredProperties.fresh();
    }

    @BeforeAll
    void connect() {
        api = new ApiClient(server.getURI());
        ownerId =
                api.get("/api/v1/users", OWNER_KEY).list().getFirst().get("id").toString();
    }

    Map<String, Object> decision(String userId, String feature) {
        return api.get("/api/v1/users/" + userId + "/permissions", OWNER_KEY).list().stream()
                .filter(d -> d.get("feature").equals(feature))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void the_ceo_may_do_everything() {
        List<Map<String, Object>> all =
                api.get("/api/v1/users/" + ownerId + "/permissions", OWNER_KEY).list();
        assertThat(all)
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d).containsEntry("allowed", true).containsEntry("rule", "CEO"));
        api.put("/api/v1/users/" + ownerId + "/permissions/admin.audit", OWNER_KEY, "{\"allowed\": false}");
        assertThat(decision(ownerId, "admin.audit"))
                .containsEntry("allowed", true)
                .containsEntry("rule", "CEO");
    }

    @Test
    void an_employee_has_no_metric_default_so_the_system_default_refuses() {
        Users.Created employee = Users.of(api, OWNER_KEY).role("employee").create();
        assertThat(decision(employee.id(), "metrics.mrr.view"))
                .containsEntry("allowed", false)
                .containsEntry("rule", "SYSTEM_DEFAULT");
        assertThat(decision(employee.id(), "tasks.create"))
                .containsEntry("allowed", true)
                .containsEntry("rule", "ROLE_DEFAULT");
    }

    @Test
    void a_user_override_beats_the_role_default_and_removing_it_restores_it() {
        Users.Created admin = Users.of(api, OWNER_KEY).role("admin").create();
        assertThat(api.get("/api/v1/audit", admin.key()).status()).isEqualTo(200);

        ApiClient.Response revoked =
                api.put("/api/v1/users/" + admin.id() + "/permissions/admin.audit", OWNER_KEY, "{\"allowed\": false}");
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json()).containsEntry("allowed", false).containsEntry("rule", "USER_OVERRIDE");
        assertThat(api.get("/api/v1/audit", admin.key()).status()).isEqualTo(403);

        ApiClient.Response restored = api.delete("/api/v1/users/" + admin.id() + "/permissions/admin.audit", OWNER_KEY);
        assertThat(restored.json()).containsEntry("allowed", true).containsEntry("rule", "ROLE_DEFAULT");
        assertThat(api.get("/api/v1/audit", admin.key()).status()).isEqualTo(200);
    }

    @Test
    void a_tenant_role_default_beats_the_shipped_one_and_applies_at_once() {
        Users.Created manager = Users.of(api, OWNER_KEY).role("manager").create();
        assertThat(decision(manager.id(), "metrics.mrr.view")).containsEntry("allowed", true);

        ApiClient.Response changed =
                api.put("/api/v1/roles/manager/permissions/metrics.mrr.view", OWNER_KEY, "{\"allowed\": false}");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json())
                .containsEntry("allowed", false)
                .containsEntry("rule", "ROLE_DEFAULT")
                .containsEntry("reason", "role manager refuses it (tenant setting)");
        assertThat(decision(manager.id(), "metrics.mrr.view")).containsEntry("allowed", false);

        api.put("/api/v1/roles/manager/permissions", OWNER_KEY, "{\"metrics.mrr.view\": null}");
        assertThat(decision(manager.id(), "metrics.mrr.view"))
                .containsEntry("allowed", true)
                .containsEntry("reason", "role manager allows it (config/permissions.yml)");
    }

    @Test
    void a_bulk_update_is_all_or_nothing() {
        Users.Created agent = Users.of(api, OWNER_KEY).role("agent").create();
        ApiClient.Response refused = api.put(
                "/api/v1/users/" + agent.id() + "/permissions",
                OWNER_KEY,
                "{\"tasks.assign\": true, \"no.such.feature\": true}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.get("detail")).contains("no.such.feature");
        assertThat(decision(agent.id(), "tasks.assign")).containsEntry("rule", "SYSTEM_DEFAULT");

        ApiClient.Response applied = api.put(
                "/api/v1/users/" + agent.id() + "/permissions",
                OWNER_KEY,
                "{\"tasks.assign\": true, \"tickets.triage\": false}");
        assertThat(applied.status()).isEqualTo(200);
        assertThat(decision(agent.id(), "tasks.assign"))
                .containsEntry("allowed", true)
                .containsEntry("rule", "USER_OVERRIDE");
        assertThat(decision(agent.id(), "tickets.triage")).containsEntry("allowed", false);
    }

    @Test
    void unknown_roles_features_and_bodies_are_4xx() {
        assertThat(api.get("/api/v1/roles/boss/permissions", OWNER_KEY).status())
                .isEqualTo(400);
        assertThat(api.put("/api/v1/roles/admin/permissions/nope", OWNER_KEY, "{\"allowed\": true}")
                        .status())
                .isEqualTo(400);
        assertThat(api.put("/api/v1/roles/ceo/permissions/admin.audit", OWNER_KEY, "{\"allowed\": false}")
                        .status())
                .isEqualTo(400);
        assertThat(api.put("/api/v1/roles/admin/permissions/admin.audit", OWNER_KEY, "{}")
                        .status())
                .isEqualTo(400);
        assertThat(api.put("/api/v1/roles/admin/permissions/admin.audit", OWNER_KEY, "{\"allowed\": \"maybe\"}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void only_permitted_callers_change_permissions() {
        Users.Created manager = Users.of(api, OWNER_KEY).role("manager").create();
        ApiClient.Response refused = api.put(
                "/api/v1/users/" + manager.id() + "/permissions/admin.audit", manager.key(), "{\"allowed\": true}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json()).containsEntry("detail", "not allowed: admin.permissions");
    }

    @Test
    void every_change_is_audited_with_old_and_new_values() {
        Users.Created employee = Users.of(api, OWNER_KEY).role("employee").create();
        api.put("/api/v1/users/" + employee.id() + "/permissions/tasks.assign", OWNER_KEY, "{\"allowed\": true}");
        api.put("/api/v1/users/" + employee.id() + "/permissions/tasks.assign", OWNER_KEY, "{\"allowed\": false}");

        List<Map<String, Object>> entries = api.get(
                        "/api/v1/audit?userId=" + employee.id() + "&action=permission.user", OWNER_KEY)
                .list();
        assertThat(entries).hasSize(2);
        assertThat(entries.getFirst())
                .containsEntry("actorId", ownerId)
                .containsEntry("targetUserId", employee.id())
                .containsEntry("feature", "tasks.assign")
                .containsEntry("oldValue", "true")
                .containsEntry("newValue", "false")
                .containsKey("at");
        assertThat(entries.get(1)).containsEntry("newValue", "true").doesNotContainKey("oldValue");

        api.put("/api/v1/roles/agent/permissions/coaching.use", OWNER_KEY, "{\"allowed\": true}");
        assertThat(api.get("/api/v1/audit?action=permission.role.agent", OWNER_KEY)
                        .list())
                .singleElement()
                .satisfies(e ->
                        assertThat(e).containsEntry("feature", "coaching.use").containsEntry("newValue", "true"));
    }

    @Test
    void the_feature_catalogue_is_listed() {
        List<Map<String, Object>> features =
                api.get("/api/v1/features", OWNER_KEY).list();
        assertThat(features)
                .extracting(f -> f.get("key"))
                .contains("metrics.mrr.view", "admin.permissions", "tasks.create");
        assertThat(features).allSatisfy(f -> assertThat(f).containsKeys("description", "systemDefault"));
    }
}
