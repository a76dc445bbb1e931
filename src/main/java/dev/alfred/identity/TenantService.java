package dev.alfred.identity;

import dev.alfred.audit.AuditLog;
import dev.alfred.problem.Problem;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.ResultSet;
import java.text.Normalizer;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/** Tenants: the current one, creating new ones (operator only), and the first start. */
@Singleton
public class TenantService {

    private final TenantRepository tenants;
    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> tx;
    private final UserService users;
    private final ApiKeyService keys;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<UUID, Tenant> byId = new ConcurrentHashMap<>();

    TenantService(
            TenantRepository tenants,
            JdbcOperations jdbc,
            TransactionOperations<Connection> tx,
            UserService users,
            ApiKeyService keys,
            AuditLog audit,
            Clock clock) {
        this.tenants = tenants;
        this.jdbc = jdbc;
        this.tx = tx;
        this.users = users;
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new tenant with its {@code ceo} owner and the owner's API key, shown once. */
    @Serdeable
    public record CreatedTenant(Tenant tenant, User owner, String apiKey) {}

    /**
     * The tenant; read on every command and assistant turn, so kept once read: a tenant never changes after it
     * is created, and the counter of its permission changes is not part of it.
     */
    public Tenant get(UUID tenantId) {
        Tenant known = byId.get(tenantId);
        if (known != null) {
            return known;
        }
        Tenant tenant = tx.executeRead(status -> jdbc.prepareStatement(
                "SELECT id, slug, name, timezone, currency, operator, created_at FROM tenant WHERE id = ?",
                statement -> {
                    statement.setObject(1, tenantId);
                    try (ResultSet rows = statement.executeQuery()) {
                        if (!rows.next()) {
                            throw Problem.notFound("tenant", tenantId);
                        }
                        return new Tenant(
                                rows.getObject(1, UUID.class),
                                rows.getString(2),
                                rows.getString(3),
                                rows.getString(4),
                                rows.getString(5),
                                rows.getBoolean(6),
                                rows.getObject(7, OffsetDateTime.class).toInstant());
                    }
                }));
        byId.put(tenantId, tenant);
        return tenant;
    }

    public Optional<Tenant> findBySlug(String slug) {
        return tenants.findBySlug(slug);
    }

    /** Creates a tenant; only the {@code ceo} of the operator tenant may. */
    @Transactional
    public CreatedTenant create(Actor by, String name) {
        if (by.role() != Role.CEO || !get(by.tenantId()).operator()) {
            throw Problem.deniedBecause("only the ceo of the first tenant may create tenants");
        }
        CreatedTenant created = createTenant(name, false, null, "Owner");
        audit.record(new AuditLog.Change(by.tenantId(), by.userId(), "tenant.create", null, null, null, name));
        return created;
    }

    /**
     * Creates a tenant, its owner and the owner's key ({@code apiKey} when given, else a new one).
     * The caller holds the transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    CreatedTenant createTenant(@Nullable String name, boolean operator, @Nullable String apiKey, String ownerName) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.length() > 100) {
            throw Problem.invalid("a tenant needs a name of 1 to 100 characters");
        }
        String slug = operator ? "default" : slug(stripped);
        if (tenants.existsBySlug(slug)) {
            throw Problem.conflict("a tenant named '" + slug + "' exists already");
        }
        Tenant tenant =
                tenants.save(new Tenant(UUID.randomUUID(), slug, stripped, "UTC", "USD", operator, clock.instant()));
        User owner =
                users.createIn(tenant.id(), new UserInput(ownerName, null, Role.CEO, null, null, null, true), Role.CEO);
        String secret = apiKey == null || apiKey.isBlank() ? Secrets.newApiKey() : apiKey.strip();
        keys.store(owner, "owner", secret);
        audit.record(new AuditLog.Change(tenant.id(), null, "tenant.create", owner.id(), null, null, stripped));
        return new CreatedTenant(tenant, owner, secret);
    }

    static String slug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug =
                ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return slug.isEmpty() ? "tenant-" + UUID.randomUUID().toString().substring(0, 8) : slug;
    }
}
