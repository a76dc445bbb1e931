package dev.alfred.permission;

import dev.alfred.identity.Role;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Reads and writes a tenant's role defaults, user overrides and permission version. Callers hold the transaction. */
@Singleton
class PermissionStore {

    private final JdbcOperations jdbc;

    PermissionStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    long version(UUID tenantId) {
        return jdbc.prepareStatement("SELECT permissions_version FROM tenant WHERE id = ?", statement -> {
            statement.setObject(1, tenantId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getLong(1) : -1L;
            }
        });
    }

    TenantPermissions load(UUID tenantId) {
        long version = version(tenantId);
        Map<Role, Map<String, Boolean>> roles = new EnumMap<>(Role.class);
        jdbc.prepareStatement("SELECT role, feature, allowed FROM role_permission WHERE tenant_id = ?", statement -> {
            statement.setObject(1, tenantId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    roles.computeIfAbsent(Role.of(rows.getString(1)), r -> new HashMap<>())
                            .put(rows.getString(2), rows.getBoolean(3));
                }
            }
            return null;
        });
        Map<UUID, Map<String, Boolean>> users = new HashMap<>();
        jdbc.prepareStatement(
                "SELECT user_id, feature, allowed FROM user_permission WHERE tenant_id = ?", statement -> {
                    statement.setObject(1, tenantId);
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            users.computeIfAbsent(rows.getObject(1, UUID.class), u -> new HashMap<>())
                                    .put(rows.getString(2), rows.getBoolean(3));
                        }
                    }
                    return null;
                });
        return new TenantPermissions(version, roles, users);
    }

    /** Sets ({@code allowed} true or false) or removes ({@code null}) a user override; returns the old value. */
    Optional<Boolean> setOverride(UUID tenantId, UUID userId, String feature, @Nullable Boolean allowed) {
        Optional<Boolean> old =
                read("SELECT allowed FROM user_permission WHERE user_id = ? AND feature = ?", userId, feature);
        if (allowed == null) {
            write("DELETE FROM user_permission WHERE user_id = ? AND feature = ?", userId, feature);
        } else {
            write("""
                    INSERT INTO user_permission (tenant_id, user_id, feature, allowed) VALUES (?, ?, ?, ?)
                    ON CONFLICT (user_id, feature) DO UPDATE SET allowed = excluded.allowed, updated_at = now()""", tenantId, userId, feature, allowed);
        }
        return old;
    }

    /** Sets or removes ({@code null}) a tenant's role default; returns the old tenant value. */
    Optional<Boolean> setRoleDefault(UUID tenantId, Role role, String feature, @Nullable Boolean allowed) {
        Optional<Boolean> old = read(
                "SELECT allowed FROM role_permission WHERE tenant_id = ? AND role = ? AND feature = ?",
                tenantId,
                role.key(),
                feature);
        if (allowed == null) {
            write(
                    "DELETE FROM role_permission WHERE tenant_id = ? AND role = ? AND feature = ?",
                    tenantId,
                    role.key(),
                    feature);
        } else {
            write("""
                    INSERT INTO role_permission (tenant_id, role, feature, allowed) VALUES (?, ?, ?, ?)
                    ON CONFLICT (tenant_id, role, feature) DO UPDATE SET allowed = excluded.allowed, updated_at = now()""", tenantId, role.key(), feature, allowed);
        }
        return old;
    }

    void bumpVersion(UUID tenantId) {
        write("UPDATE tenant SET permissions_version = permissions_version + 1 WHERE id = ?", tenantId);
    }

    private Optional<Boolean> read(String sql, Object... params) {
        return jdbc.prepareStatement(sql, statement -> {
            bind(statement, params);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getBoolean(1)) : Optional.<Boolean>empty();
            }
        });
    }

    private void write(String sql, Object... params) {
        jdbc.prepareStatement(sql, statement -> {
            bind(statement, params);
            return statement.executeUpdate();
        });
    }

    private static void bind(PreparedStatement statement, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
    }
}
