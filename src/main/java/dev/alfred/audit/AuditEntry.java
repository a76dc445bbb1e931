package dev.alfred.audit;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One audited change. {@code actorId} is empty for changes Alfred makes on its own (bootstrap). */
@Serdeable
@Introspected
@MappedEntity("audit_log")
public record AuditEntry(
        @Id @GeneratedValue @Nullable Long id,
        UUID tenantId,
        @Nullable UUID actorId,
        String action,
        @Nullable UUID targetUserId,
        @Nullable String feature,
        @Nullable String oldValue,
        @Nullable String newValue,
        Instant at) {}
