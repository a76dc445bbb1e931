package dev.alfred.conversation;

import dev.alfred.audit.AuditLog;
import dev.alfred.bot.BotRegistry;
import dev.alfred.channel.Inbound;
import dev.alfred.identity.Actor;
import dev.alfred.identity.Role;
import dev.alfred.identity.Tenant;
import dev.alfred.identity.TenantService;
import dev.alfred.problem.Problem;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which tenant an event belongs to: the tenant its Slack workspace or Discord guild is mapped to,
 * else its bot's tenant. A mapping is cached for {@code alfred.workspaces.cache-ttl}: every message
 * asks, and mappings change about once per workspace. A change made here applies here at once.
 */
@Singleton
public class WorkspaceTenants {

    private static final Set<String> MAPPABLE = Set.of("slack", "discord");

    private final JdbcOperations jdbc;
    private final BotRegistry bots;
    private final TenantService tenants;
    private final AuditLog audit;
    private final Map<String, UUID> botTenants = new ConcurrentHashMap<>();
    private final Map<Workspace, Cached> mappings = new ConcurrentHashMap<>();
    private final long cacheTtlNanos;

    private record Workspace(String channel, String id) {}

    private record Cached(Optional<UUID> tenant, long checkedAt) {}

    WorkspaceTenants(
            JdbcOperations jdbc,
            BotRegistry bots,
            TenantService tenants,
            AuditLog audit,
            @Value("${alfred.workspaces.cache-ttl:2s}") Duration cacheTtl) {
        this.jdbc = jdbc;
        this.bots = bots;
        this.tenants = tenants;
        this.audit = audit;
        this.cacheTtlNanos = cacheTtl.toNanos();
    }

    UUID resolve(Inbound event) {
        if (event.channel().equals("console") && event.workspace() != null) {
            return UUID.fromString(event.workspace()); // the console is authenticated: it names the tenant
        }
        if (event.workspace() != null) {
            Optional<UUID> mapped = cachedMapping(new Workspace(event.channel(), event.workspace()));
            if (mapped.isPresent()) {
                return mapped.get();
            }
        }
        return botTenants.computeIfAbsent(event.bot(), bot -> {
            String slug = bots.get(bot).tenant();
            return tenants.findBySlug(slug)
                    .map(Tenant::id)
                    .orElseThrow(() -> new IllegalStateException("bot " + bot + " names unknown tenant " + slug));
        });
    }

    /** Maps a Slack workspace or Discord guild to a tenant; only the ceo of the first tenant may. */
    @Transactional
    public void map(Actor by, String channel, String workspaceId, String tenantSlug) {
        if (by.role() != Role.CEO || !tenants.get(by.tenantId()).operator()) {
            throw Problem.deniedBecause("only the ceo of the first tenant may map workspaces");
        }
        if (!MAPPABLE.contains(channel)) {
            throw Problem.invalid("only slack workspaces and discord guilds can be mapped, not " + channel);
        }
        Tenant tenant = tenants.findBySlug(tenantSlug).orElseThrow(() -> Problem.notFound("tenant", tenantSlug));
        Optional<UUID> old = mapped(channel, workspaceId);
        jdbc.prepareStatement("""
                INSERT INTO workspace_tenant (channel, workspace_id, tenant_id) VALUES (?, ?, ?)
                ON CONFLICT (channel, workspace_id) DO UPDATE SET tenant_id = excluded.tenant_id""", statement -> {
            statement.setString(1, channel);
            statement.setString(2, workspaceId);
            statement.setObject(3, tenant.id());
            return statement.executeUpdate();
        });
        audit.record(new AuditLog.Change(
                by.tenantId(),
                by.userId(),
                "workspace.map",
                null,
                null,
                old.orElse(null),
                channel + "/" + workspaceId + " -> " + tenant.slug()));
        mappings.put(new Workspace(channel, workspaceId), new Cached(Optional.of(tenant.id()), System.nanoTime()));
    }

    private Optional<UUID> cachedMapping(Workspace workspace) {
        long now = System.nanoTime();
        Cached cached = mappings.get(workspace);
        if (cached == null || now - cached.checkedAt() >= cacheTtlNanos) {
            cached = new Cached(mapped(workspace.channel(), workspace.id()), now);
            mappings.put(workspace, cached);
        }
        return cached.tenant();
    }

    private Optional<UUID> mapped(String channel, String workspaceId) {
        return jdbc.prepareStatement(
                "SELECT tenant_id FROM workspace_tenant WHERE channel = ? AND workspace_id = ?", statement -> {
                    statement.setString(1, channel);
                    statement.setString(2, workspaceId);
                    try (ResultSet rows = statement.executeQuery()) {
                        return rows.next() ? Optional.of(rows.getObject(1, UUID.class)) : Optional.<UUID>empty();
                    }
                });
    }
}
