package dev.alfred.identity;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@MappedEntity("link_code")
record LinkCodeRow(
        @Id String codeHash,
        UUID tenantId,
        UUID userId,
        Instant expiresAt,
        @Nullable Instant usedAt) {}
