package dev.alfred.identity;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A stored API key: only the hash of its secret, never the secret. */
@MappedEntity("api_key")
record ApiKeyRow(
        @Id UUID id,
        UUID tenantId,
        UUID userId,
        String name,
        String prefix,
        String secretHash,
        Instant createdAt,
        @Nullable Instant lastUsedAt,
        @Nullable Instant revokedAt) {

    ApiKeyInfo info() {
        return new ApiKeyInfo(id, userId, name, prefix, createdAt, lastUsedAt, revokedAt);
    }
}
