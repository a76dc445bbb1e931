package dev.alfred.conversation;

import dev.alfred.audit.AuditLog;
import dev.alfred.identity.Actor;
import dev.alfred.problem.Problem;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Replies the outbox gave up on, per tenant: listed for operators and put back in the queue on request. */
@Singleton
public class DeadLetters {

    /** A message that could not be delivered. */
    @Serdeable
    public record DeadLetter(
            long id,
            String bot,
            String channel,
            String chat,
            String text,
            int attempts,
            @Nullable String lastError,
            Instant createdAt) {}

    private final OutboxStore store;
    private final AuditLog audit;
    private final WorkSignal signal;

    DeadLetters(OutboxStore store, AuditLog audit, @Named("outbox") WorkSignal signal) {
        this.store = store;
        this.audit = audit;
        this.signal = signal;
    }

    @Transactional
    public List<DeadLetter> list(Actor by, int limit) {
        return store.dead(by.tenantId(), limit);
    }

    /** Queues a dead letter again with a fresh attempt count. */
    @Transactional
    public void retry(Actor by, long id) {
        if (!store.revive(by.tenantId(), id)) {
            throw Problem.notFound("dead letter", id);
        }
        audit.record(new AuditLog.Change(by.tenantId(), by.userId(), "outbox.retry", null, null, null, id));
        signal.signal();
    }
}
