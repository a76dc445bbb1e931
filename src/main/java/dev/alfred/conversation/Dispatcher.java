package dev.alfred.conversation;

import dev.alfred.channel.Inbound;
import dev.alfred.channel.Reply;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims inbox rows and turns each into replies in one transaction: route, write the outbox and
 * the history, mark the row done. A row whose processing throws is retried with backoff and, after
 * {@code alfred.dispatcher.max-attempts}, answered with an apology and marked failed.
 */
@Singleton
@Requires(property = "alfred.dispatcher.enabled", notEquals = "false")
class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final TransactionDefinition NESTED =
            TransactionDefinition.of(TransactionDefinition.Propagation.NESTED);

    private final InboxStore inbox;
    private final Router router;
    private final Outbox outbox;
    private final Channels channels;
    private final TransactionOperations<Connection> tx;
    private final WorkSignal outboxSignal;
    private final int batch;
    private final Duration lease;
    private final int maxAttempts;
    private final WorkerPool workers;

    Dispatcher(
            InboxStore inbox,
            Router router,
            Outbox outbox,
            Channels channels,
            TransactionOperations<Connection> tx,
            @Named("inbox") WorkSignal inboxSignal,
            @Named("outbox") WorkSignal outboxSignal,
            @Value("${alfred.dispatcher.workers:8}") int workers,
            @Value("${alfred.dispatcher.batch:4}") int batch,
            @Value("${alfred.dispatcher.lease:60s}") Duration lease,
            @Value("${alfred.dispatcher.poll:250ms}") Duration poll,
            @Value("${alfred.dispatcher.max-attempts:5}") int maxAttempts,
            @Value("${alfred.shutdown.drain:5s}") Duration drain) {
        this.inbox = inbox;
        this.router = router;
        this.outbox = outbox;
        this.channels = channels;
        this.tx = tx;
        this.outboxSignal = outboxSignal;
        this.batch = batch;
        this.lease = lease;
        this.maxAttempts = maxAttempts;
        this.workers = new WorkerPool("dispatcher", workers, poll, drain, inboxSignal, this::round);
    }

    @EventListener
    void start(StartupEvent event) {
        workers.start();
    }

    /** Lets work in progress finish for up to {@code alfred.shutdown.drain}, then interrupts it. */
    @PreDestroy
    void stop() throws InterruptedException {
        workers.stop();
    }

    private boolean round() {
        List<InboxStore.Claimed> claimed = tx.executeWrite(status -> inbox.claim(batch, lease));
        process(claimed);
        return !claimed.isEmpty();
    }

    /**
     * Handles a claimed batch in one transaction, each row in a nested one: a row that fails is
     * rolled back alone and retried later, the others commit together.
     */
    void process(List<InboxStore.Claimed> rows) {
        for (InboxStore.Claimed row : rows) {
            Inbound event = row.event();
            if (event.kind() == Inbound.Kind.TEXT) {
                channels.find(event.bot(), event.channel()).ifPresent(channel -> channel.showProgress(event));
            }
        }
        Map<InboxStore.Claimed, RuntimeException> failures = new LinkedHashMap<>();
        tx.executeWrite(status -> {
            for (InboxStore.Claimed row : rows) {
                try {
                    tx.execute(NESTED, nested -> {
                        Router.Routed routed = router.route(row.event());
                        outbox.enqueue(row.id(), routed.tenantId(), row.event(), routed.replies());
                        if (!inbox.markDone(row)) {
                            throw new LeaseLost();
                        }
                        return null;
                    });
                } catch (LeaseLost lost) {
                    LOG.info("Inbox row {} was taken over by another worker; its result was discarded", row.id());
                } catch (RuntimeException e) {
                    failures.put(row, e);
                }
            }
            return null;
        });
        outboxSignal.signal();
        failures.forEach((row, e) -> {
            Inbound event = row.event();
            LOG.error(
                    "Inbox row {} ({} {}) failed on attempt {}",
                    row.id(),
                    event.channel(),
                    event.eventId(),
                    row.attempts(),
                    e);
            giveUpOrRetry(row, e);
        });
    }

    /** Our lease on a row expired and another worker handled it: this result must not be stored. */
    private static final class LeaseLost extends RuntimeException {
        LeaseLost() {
            super(null, null, false, false);
        }
    }

    private void giveUpOrRetry(InboxStore.Claimed row, RuntimeException error) {
        tx.executeWrite(status -> {
            if (row.attempts() >= maxAttempts) {
                if (inbox.markFailed(row, error.toString())) {
                    outbox.enqueue(
                            row.id(),
                            null,
                            row.event(),
                            List.of(Reply.text("Sorry, I could not handle that message. The team has been told.")));
                }
            } else {
                inbox.release(row, Duration.ofMillis(200L << Math.min(row.attempts(), 8)), error.toString());
            }
            return null;
        });
        outboxSignal.signal();
    }
}
