package dev.alfred.permission;

import dev.alfred.identity.Role;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A tenant's stored permission settings at one version: role defaults and user overrides. */
record TenantPermissions(
        long version, Map<Role, Map<String, Boolean>> roleDefaults, Map<UUID, Map<String, Boolean>> userOverrides) {

    TenantPermissions {
        roleDefaults = Map.copyOf(roleDefaults);
        userOverrides = Map.copyOf(userOverrides);
    }

    Optional<Boolean> roleDefault(Role role, String feature) {
        return Optional.ofNullable(roleDefaults.getOrDefault(role, Map.of()).get(feature));
    }

    Optional<Boolean> override(UUID userId, String feature) {
        return Optional.ofNullable(userOverrides.getOrDefault(userId, Map.of()).get(feature));
    }
}
