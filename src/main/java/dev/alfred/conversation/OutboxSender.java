package dev.alfred.conversation;

import dev.alfred.channel.Channel;
import dev.alfred.channel.Delivery;
import dev.alfred.channel.Outbound;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers outbox rows through their channel: waits for the rate limits, honours a platform's
 * retry-after (without counting it as a failed attempt), retries failures with exponential backoff
 * and jitter, and after {@code alfred.outbox.max-attempts} moves the message to dead letters.
 */
@Singleton
@Requires(property = "alfred.outbox.enabled", notEquals = "false")
class OutboxSender {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);

    private final OutboxStore store;
    private final Channels channels;
    private final RateLimits limits;
    private final TransactionOperations<Connection> tx;
    private final int batch;
    private final int maxAttempts;
    private final Duration backoff;
    private final Duration lease;
    private final WorkerPool workers;

    OutboxSender(
            OutboxStore store,
            Channels channels,
            RateLimits limits,
            TransactionOperations<Connection> tx,
            @Named("outbox") WorkSignal signal,
            @Value("${alfred.outbox.workers:8}") int workers,
            @Value("${alfred.outbox.batch:4}") int batch,
            @Value("${alfred.outbox.max-attempts:6}") int maxAttempts,
            @Value("${alfred.outbox.backoff:1s}") Duration backoff,
            @Value("${alfred.outbox.poll:250ms}") Duration poll,
            @Value("${alfred.outbox.lease:30s}") Duration lease,
            @Value("${alfred.shutdown.drain:5s}") Duration drain) {
        this.store = store;
        this.channels = channels;
        this.limits = limits;
        this.tx = tx;
        this.batch = batch;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.lease = lease;
        this.workers = new WorkerPool("outbox", workers, poll, drain, signal, this::round);
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

    private boolean round() throws InterruptedException {
        List<OutboxStore.Claimed> claimed = tx.executeWrite(status -> store.claim(batch, lease));
        Map<OutboxStore.Claimed, Delivery> outcomes = new LinkedHashMap<>();
        for (OutboxStore.Claimed row : claimed) {
            outcomes.put(row, deliver(row));
        }
        // One transaction records the whole batch: fewer commits per message under load.
        tx.executeWrite(status -> {
            outcomes.forEach(this::record);
            return null;
        });
        return !claimed.isEmpty();
    }

    private Delivery deliver(OutboxStore.Claimed row) throws InterruptedException {
        Outbound message = row.message();
        Optional<Channel> channel = channels.find(message.bot(), message.channel());
        if (channel.isEmpty()) {
            return new Delivery.Failed("bot " + message.bot() + " has no " + message.channel() + " channel", true);
        }
        Thread.sleep(limits.reserve(message.bot(), message.channel(), message.chat()));
        return send(channel.get(), message);
    }

    private static Delivery send(Channel channel, Outbound message) {
        try {
            return channel.send(message);
        } catch (RuntimeException e) {
            return new Delivery.Failed(e.toString(), false);
        }
    }

    private void record(OutboxStore.Claimed row, Delivery delivery) {
        Outbound message = row.message();
        switch (delivery) {
            case Delivery.Sent sent -> store.sent(row, sent.messageId());
            case Delivery.RetryAfter throttled -> {
                limits.pause(message.bot(), message.channel(), message.chat(), throttled.after());
                store.retryLater(row, throttled.after(), "throttled: " + throttled.reason(), false);
            }
            case Delivery.Failed failed
            when failed.permanent() || message.attempt() >= maxAttempts -> {
                LOG.warn(
                        "Outbox message {} to {}/{} is dead after {} attempts: {}",
                        message.id(),
                        message.channel(),
                        message.chat(),
                        message.attempt(),
                        failed.reason());
                store.dead(row, failed.reason());
            }
            case Delivery.Failed failed -> store.retryLater(row, backoff(message.attempt()), failed.reason(), true);
        }
    }

    private Duration backoff(int attempt) {
        long base = backoff.toMillis() << Math.min(attempt - 1, 10);
        return Duration.ofMillis(base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1));
    }
}
