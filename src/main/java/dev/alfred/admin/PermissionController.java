package dev.alfred.admin;

import dev.alfred.identity.Actor;
import dev.alfred.identity.Role;
import dev.alfred.identity.User;
import dev.alfred.identity.UserService;
import dev.alfred.permission.Decision;
import dev.alfred.permission.Feature;
import dev.alfred.permission.FeatureCatalogue;
import dev.alfred.permission.PermissionService;
import dev.alfred.problem.Problem;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The feature catalogue, user overrides and role defaults. */
@Controller("/api/v1")
@SecurityRequirement(name = "bearer")
class PermissionController {

    private static final String FEATURE = "admin.permissions";

    private final PermissionService permissions;
    private final FeatureCatalogue catalogue;
    private final UserService users;
    private final JsonMapper json;

    PermissionController(
            PermissionService permissions, FeatureCatalogue catalogue, UserService users, JsonMapper json) {
        this.permissions = permissions;
        this.catalogue = catalogue;
        this.users = users;
        this.json = json;
    }

    /** {@code {"allowed": true|false}}; read as a plain JSON value so that "yes" or 1 is refused, not coerced. */
    @Serdeable
    record Allowed(@Nullable Object allowed) {
        boolean required() {
            if (!(allowed instanceof Boolean value)) {
                throw Problem.invalid("send {\"allowed\": true} or {\"allowed\": false}");
            }
            return value;
        }
    }

    @Get("/features")
    List<Feature> features(@Parameter(hidden = true) Actor actor) {
        permissions.require(actor, FEATURE);
        return catalogue.features();
    }

    /** Every feature with whether this user may use it, the deciding rule and the reason. */
    @Get("/users/{id}/permissions")
    List<Decision> userPermissions(@Parameter(hidden = true) Actor actor, UUID id) {
        permissions.require(actor, FEATURE);
        return permissions.explainAll(users.get(actor.tenantId(), id).asActor());
    }

    @Put("/users/{id}/permissions/{feature}")
    Decision setOverride(@Parameter(hidden = true) Actor actor, UUID id, String feature, @Body Allowed body) {
        return overrideUser(actor, id, Map.of(feature, body.required())).stream()
                .filter(d -> d.feature().equals(feature))
                .findFirst()
                .orElseThrow();
    }

    @Delete("/users/{id}/permissions/{feature}")
    Decision removeOverride(@Parameter(hidden = true) Actor actor, UUID id, String feature) {
        Map<String, @Nullable Boolean> removal = new HashMap<>();
        removal.put(feature, null);
        return overrideUser(actor, id, removal).stream()
                .filter(d -> d.feature().equals(feature))
                .findFirst()
                .orElseThrow();
    }

    /** Sets several overrides at once, all or none; {@code null} removes one. */
    @Put("/users/{id}/permissions")
    List<Decision> setOverrides(@Parameter(hidden = true) Actor actor, UUID id, @Body byte[] changes) {
        return overrideUser(actor, id, booleans(changes));
    }

    @Get("/roles/{role}/permissions")
    List<Decision> roleDefaults(@Parameter(hidden = true) Actor actor, String role) {
        permissions.require(actor, FEATURE);
        return permissions.roleDefaults(actor.tenantId(), Role.of(role));
    }

    @Put("/roles/{role}/permissions/{feature}")
    Decision setRoleDefault(@Parameter(hidden = true) Actor actor, String role, String feature, @Body Allowed body) {
        return changeRole(actor, role, Map.of(feature, body.required())).stream()
                .filter(d -> d.feature().equals(feature))
                .findFirst()
                .orElseThrow();
    }

    /** Sets several role defaults at once, all or none; {@code null} returns one to the shipped default. */
    @Put("/roles/{role}/permissions")
    List<Decision> setRoleDefaults(@Parameter(hidden = true) Actor actor, String role, @Body byte[] changes) {
        return changeRole(actor, role, booleans(changes));
    }

    /**
     * Reads {@code {"feature": true|false|null, ...}} from the raw body: bound as a map, Micronaut
     * drops the null entries that mean "remove", and coerces strings to booleans.
     */
    private Map<String, @Nullable Boolean> booleans(byte[] body) {
        JsonNode changes;
        try {
            changes = json.readValue(body, JsonNode.class);
        } catch (IOException e) {
            throw Problem.invalid("the body is not JSON: " + e.getMessage());
        }
        if (changes == null || !changes.isObject()) {
            throw Problem.invalid("send an object of features to true, false or null");
        }
        Map<String, @Nullable Boolean> values = new HashMap<>();
        for (Map.Entry<String, JsonNode> entry : changes.entries()) {
            JsonNode value = entry.getValue();
            if (!value.isNull() && !value.isBoolean()) {
                throw Problem.invalid(entry.getKey() + " must be true, false or null");
            }
            values.put(entry.getKey(), value.isNull() ? null : value.getBooleanValue());
        }
        return values;
    }

    private List<Decision> overrideUser(Actor actor, UUID id, Map<String, @Nullable Boolean> changes) {
        permissions.require(actor, FEATURE);
        User user = users.get(actor.tenantId(), id);
        permissions.setUserOverrides(actor, user.id(), changes);
        return permissions.explainAll(user.asActor());
    }

    private List<Decision> changeRole(Actor actor, String roleName, Map<String, @Nullable Boolean> changes) {
        permissions.require(actor, FEATURE);
        Role role = Role.of(roleName);
        permissions.setRoleDefaults(actor, role, changes);
        return permissions.roleDefaults(actor.tenantId(), role);
    }
}
