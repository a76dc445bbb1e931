package dev.alfred.audit;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Writes and reads the audit log. Writers call it inside their own transaction. */
@Singleton
public class AuditLog {

    private final AuditRepository repository;
    private final Clock clock;

    AuditLog(AuditRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** A change to record; {@code feature}, the values and the target are empty when they do not apply. */
    public record Change(
            UUID tenantId,
            @Nullable UUID actorId,
            String action,
            @Nullable UUID targetUserId,
            @Nullable String feature,
            @Nullable Object oldValue,
            @Nullable Object newValue) {}

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Change change) {
        repository.save(new AuditEntry(
                null,
                change.tenantId(),
                change.actorId(),
                change.action(),
                change.targetUserId(),
                change.feature(),
                text(change.oldValue()),
                text(change.newValue()),
                clock.instant()));
    }

    /** The tenant's entries in {@code [from, to)}, newest first, optionally for one user or action. */
    public List<AuditEntry> search(
            UUID tenantId, @Nullable UUID targetUserId, @Nullable String action, Instant from, Instant to, int limit) {
        return repository.search(tenantId, targetUserId, action, from, to, limit);
    }

    private static @Nullable String text(@Nullable Object value) {
        return value == null ? null : Objects.toString(value);
    }
}
