package dev.alfred.permission;

import dev.alfred.identity.Actor;
import dev.alfred.identity.Role;
import java.util.Optional;

/** The four-step decision order as a pure function of the actor, the feature and the settings. */
final class PermissionRules {

    private PermissionRules() {}

    static Decision decide(Actor actor, Feature feature, FeatureCatalogue catalogue, TenantPermissions tenant) {
        String key = feature.key();
        if (actor.role() == Role.CEO) {
            return new Decision(key, true, Rule.CEO, "the ceo role may do everything in its tenant");
        }
        Optional<Boolean> override = tenant.override(actor.userId(), key);
        if (override.isPresent()) {
            boolean allowed = override.get();
            return new Decision(
                    key,
                    allowed,
                    Rule.USER_OVERRIDE,
                    (allowed ? "granted to" : "revoked for") + " this user by an admin");
        }
        String role = actor.role().key();
        Optional<Boolean> tenantDefault = tenant.roleDefault(actor.role(), key);
        if (tenantDefault.isPresent()) {
            boolean allowed = tenantDefault.get();
            return new Decision(
                    key,
                    allowed,
                    Rule.ROLE_DEFAULT,
                    "role " + role + (allowed ? " allows" : " refuses") + " it (tenant setting)");
        }
        Optional<Boolean> shipped = catalogue.roleDefault(actor.role(), key);
        if (shipped.isPresent()) {
            boolean allowed = shipped.get();
            return new Decision(
                    key,
                    allowed,
                    Rule.ROLE_DEFAULT,
                    "role " + role + (allowed ? " allows" : " refuses") + " it (config/permissions.yml)");
        }
        boolean allowed = feature.systemDefault();
        return new Decision(
                key,
                allowed,
                Rule.SYSTEM_DEFAULT,
                "role " + role + " has no default for it; the system default " + (allowed ? "allows" : "refuses")
                        + " it");
    }
}
