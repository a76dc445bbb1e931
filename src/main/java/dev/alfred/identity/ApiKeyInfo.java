package dev.alfred.identity;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What may be shown of an API key after its creation: its prefix, never its secret. */
@Serdeable
public record ApiKeyInfo(
        UUID id,
        UUID userId,
        String name,
        String prefix,
        Instant createdAt,
        @Nullable Instant lastUsedAt,
        @Nullable Instant revokedAt) {}
