package dev.alfred.identity;

import dev.alfred.audit.AuditLog;
import dev.alfred.problem.Problem;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Issues, lists, revokes and checks admin API keys. A key acts as the user it was issued for. */
@Singleton
public class ApiKeyService {

    private final ApiKeyRepository keys;
    private final UserRepository users;
    private final AuditLog audit;
    private final Clock clock;

    ApiKeyService(ApiKeyRepository keys, UserRepository users, AuditLog audit, Clock clock) {
        this.keys = keys;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new key; {@code key} is the only time the secret is shown. */
    @Serdeable
    public record IssuedKey(UUID id, String key) {}

    @Transactional
    public IssuedKey issue(Actor by, UUID userId, String name) {
        User user =
                users.findByIdAndTenantId(userId, by.tenantId()).orElseThrow(() -> Problem.notFound("user", userId));
        IssuedKey issued = store(user, name, Secrets.newApiKey());
        audit.record(new AuditLog.Change(by.tenantId(), by.userId(), "api_key.issue", userId, null, null, name));
        return issued;
    }

    /** Stores a given secret as a key for {@code user}; used at bootstrap with the operator's chosen key. */
    @Transactional(Transactional.TxType.MANDATORY)
    IssuedKey store(User user, String name, String secret) {
        if (name.isBlank()) {
            throw Problem.invalid("an API key needs a name");
        }
        UUID id = UUID.randomUUID();
        String prefix = secret.substring(0, Math.min(8, secret.length()));
        keys.save(new ApiKeyRow(
                id,
                user.tenantId(),
                user.id(),
                name.strip(),
                prefix,
                Secrets.hash(secret),
                clock.instant(),
                null,
                null));
        return new IssuedKey(id, secret);
    }

    public List<ApiKeyInfo> list(UUID tenantId) {
        return keys.findByTenantIdOrderByCreatedAt(tenantId).stream()
                .map(ApiKeyRow::info)
                .toList();
    }

    @Transactional
    public ApiKeyInfo revoke(Actor by, UUID keyId) {
        ApiKeyRow key =
                keys.findByIdAndTenantId(keyId, by.tenantId()).orElseThrow(() -> Problem.notFound("API key", keyId));
        keys.revoke(keyId, clock.instant());
        audit.record(new AuditLog.Change(
                by.tenantId(), by.userId(), "api_key.revoke", key.userId(), null, key.name(), null));
        return keys.findById(keyId).orElseThrow().info();
    }

    /** The active user behind an unrevoked key, or empty. */
    @Transactional
    public Optional<Actor> authenticate(String secret) {
        return keys.findBySecretHash(Secrets.hash(secret))
                .filter(key -> key.revokedAt() == null)
                .flatMap(key -> {
                    keys.touch(key.id(), clock.instant());
                    return users.findByIdAndTenantId(key.userId(), key.tenantId());
                })
                .filter(User::active)
                .map(User::asActor);
    }
}
