package dev.alfred.permission;

import dev.alfred.audit.AuditLog;
import dev.alfred.identity.Actor;
import dev.alfred.identity.Role;
import dev.alfred.problem.Problem;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Decides and explains permissions, and changes role defaults and user overrides. Every feature
 * and chat command asks it before acting; every change is audited.
 */
@Singleton
public class PermissionService {

    private final FeatureCatalogue catalogue;
    private final PermissionStore store;
    private final AuditLog audit;
    private final TransactionOperations<Connection> tx;
    private final long cacheTtlNanos;
    private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(TenantPermissions permissions, long checkedAt) {}

    PermissionService(
            FeatureCatalogue catalogue,
            PermissionStore store,
            AuditLog audit,
            TransactionOperations<Connection> tx,
            @Value("${alfred.permissions.cache-ttl:2s}") Duration cacheTtl) {
        this.catalogue = catalogue;
        this.store = store;
        this.audit = audit;
        this.tx = tx;
        this.cacheTtlNanos = cacheTtl.toNanos();
    }

    public boolean check(Actor actor, String feature) {
        return explain(actor, feature).allowed();
    }

    /** Throws a {@link Problem.Kind#DENIED} problem naming the feature unless it is allowed. */
    public void require(Actor actor, String feature) {
        if (!check(actor, feature)) {
            throw Problem.denied(feature);
        }
    }

    public Decision explain(Actor actor, String feature) {
        return PermissionRules.decide(actor, catalogue.require(feature), catalogue, settings(actor.tenantId()));
    }

    /** A decision for every feature of the catalogue. */
    public List<Decision> explainAll(Actor actor) {
        TenantPermissions settings = settings(actor.tenantId());
        return catalogue.features().stream()
                .map(feature -> PermissionRules.decide(actor, feature, catalogue, settings))
                .toList();
    }

    /** The role's effective default for every feature, as a user of that role without overrides would get it. */
    public List<Decision> roleDefaults(UUID tenantId, Role role) {
        return explainAll(new Actor(new UUID(0, 0), tenantId, role.key(), role, "UTC"));
    }

    /**
     * Sets ({@code true}/{@code false}) or removes ({@code null}) overrides for one user, all or none.
     * The caller has checked that the user belongs to the tenant.
     */
    public void setUserOverrides(Actor by, UUID userId, Map<String, @Nullable Boolean> changes) {
        changes.keySet().forEach(catalogue::require);
        change(
                by.tenantId(),
                () -> changes.forEach((feature, allowed) -> {
                    Optional<Boolean> old = store.setOverride(by.tenantId(), userId, feature, allowed);
                    if (!old.equals(Optional.ofNullable(allowed))) {
                        audit.record(new AuditLog.Change(
                                by.tenantId(),
                                by.userId(),
                                "permission.user",
                                userId,
                                feature,
                                old.orElse(null),
                                allowed));
                    }
                }));
    }

    /** Sets or removes ({@code null}) the tenant's defaults for one role, all or none. */
    public void setRoleDefaults(Actor by, Role role, Map<String, @Nullable Boolean> changes) {
        if (role == Role.CEO) {
            throw Problem.invalid("the ceo role may do everything; it has no defaults to change");
        }
        changes.keySet().forEach(catalogue::require);
        change(
                by.tenantId(),
                () -> changes.forEach((feature, allowed) -> {
                    Optional<Boolean> old = store.setRoleDefault(by.tenantId(), role, feature, allowed);
                    if (!old.equals(Optional.ofNullable(allowed))) {
                        audit.record(new AuditLog.Change(
                                by.tenantId(),
                                by.userId(),
                                "permission.role." + role.key(),
                                null,
                                feature,
                                old.orElse(null),
                                allowed));
                    }
                }));
    }

    private void change(UUID tenantId, Runnable writes) {
        tx.executeWrite(status -> {
            writes.run();
            store.bumpVersion(tenantId);
            return null;
        });
        // Loaded after the commit; remember() keeps the newest version, so a reader that loaded the
        // old settings meanwhile cannot put them back.
        remember(tenantId, tx.executeRead(status -> store.load(tenantId)), System.nanoTime());
    }

    private void remember(UUID tenantId, TenantPermissions permissions, long checkedAt) {
        cache.merge(
                tenantId,
                new Cached(permissions, checkedAt),
                (old, fresh) ->
                        fresh.permissions().version() >= old.permissions().version() ? fresh : old);
    }

    private TenantPermissions settings(UUID tenantId) {
        long now = System.nanoTime();
        Cached cached = cache.get(tenantId);
        if (cached != null && now - cached.checkedAt() < cacheTtlNanos) {
            return cached.permissions();
        }
        TenantPermissions permissions = tx.executeRead(status -> {
            if (cached != null
                    && store.version(tenantId) == cached.permissions().version()) {
                return cached.permissions();
            }
            return store.load(tenantId);
        });
        remember(tenantId, permissions, now);
        return permissions;
    }
}
