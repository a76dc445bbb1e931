package dev.alfred.conversation;

import dev.alfred.channel.Channel;
import dev.alfred.channel.Delivery;
import dev.alfred.channel.Outbound;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
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
    private static final int ROWS_PER_LANE = 8;

    private final OutboxStore store;
    private final Channels channels;
    private final RateLimits limits;
    private final TransactionOperations<Connection> tx;
    private final int batch;
    private final int maxAttempts;
    private final Duration backoff;
    private final Duration lease;
    private final WorkerPool workers;
    private final Duration drain;
    private final WorkSignal signal;
    private final ExecutorService handOvers = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore handOverSlots;
    private final GroupCommit<OutboxStore.Sent, Boolean> sentRecords;

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
        this.drain = drain;
        this.signal = signal;
        this.handOverSlots = new Semaphore(Math.max(1, workers)); // one at least, for an instance without workers
        this.sentRecords = new GroupCommit<>("outbox-sent", tx, 200, store::sentAndRelease);
    }

    /** Ready before anything can hand a reply over. */
    @PostConstruct
    void startRecording() {
        sentRecords.start();
    }

    @EventListener
    void start(StartupEvent event) {
        workers.start();
    }

    /** Lets work in progress finish for up to {@code alfred.shutdown.drain}, then interrupts it. */
    @PreDestroy
    void stop() throws InterruptedException {
        workers.stop();
        handOvers.shutdown();
        if (!handOvers.awaitTermination(drain.toMillis(), TimeUnit.MILLISECONDS)) {
            handOvers.shutdownNow(); // an unsent reply's lease runs out and a worker sends it
        }
        sentRecords.stop(drain);
    }

    /** How long a leased outbox lane stays with its holder: also the lease of a {@link OutboxStore.HandOver}. */
    Duration lease() {
        return lease;
    }

    /**
     * A slot for one hand-over, if one is free: as many replies are sent by hand-over at once as there are
     * workers, so that sends, connections and the pool stay as bounded as the workers keep them. The caller
     * gives the slot to {@link #handOver} or back with {@link #unused}.
     */
    boolean reserveHandOver() {
        return handOverSlots.tryAcquire();
    }

    /** Gives back a slot that no hand-over used (the chat's lane was busy). */
    void unused() {
        handOverSlots.release();
    }

    /**
     * Sends replies whose lane the caller leased in the transaction that queued them (after its commit), on a
     * virtual thread of their own, exactly as a worker that had claimed the lane would; it uses the caller's slot.
     */
    void handOver(OutboxStore.HandOver handOver) {
        List<OutboxStore.Pending> rows = handOver.messages().stream()
                .map(message -> new OutboxStore.Pending(message, true, Instant.now()))
                .toList();
        try {
            handOvers.execute(() -> {
                try {
                    deliver(handOver.lane(), rows);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    LOG.warn(
                            "Replies to {}/{} wait for the lease to run out: {}",
                            handOver.lane().channel(),
                            handOver.lane().chat(),
                            e.toString());
                } finally {
                    handOverSlots.release();
                }
            });
        } catch (RejectedExecutionException stopping) {
            // Shutting down: the lease runs out and a worker, here or on another instance, sends them.
            handOverSlots.release();
        }
    }

    /**
     * Claims and delivers a batch of lanes; true when the worker should claim again at once. A claim of fewer lanes
     * than the batch took every lane free at that moment, and each reply queued since then signals a worker. A full
     * claim wakes another worker for the lanes it left, since the first to wake takes every signal pending.
     */
    private boolean round() throws InterruptedException {
        Map<Lanes.Lane, List<OutboxStore.Pending>> work =
                tx.execute(Lanes.ON_ITS_OWN, status -> store.claim(batch, lease, ROWS_PER_LANE));
        if (work.size() == batch) {
            signal.signal();
        }
        if (work.size() == 1) {
            Map.Entry<Lanes.Lane, List<OutboxStore.Pending>> lane =
                    work.entrySet().iterator().next();
            deliver(lane.getKey(), lane.getValue());
        } else if (work.size() > 1) {
            deliverEach(work);
        }
        return work.size() == batch;
    }

    /** Each lane on its own virtual thread: a chat waiting for its rate limit must not hold up the others. */
    private void deliverEach(Map<Lanes.Lane, List<OutboxStore.Pending>> work) throws InterruptedException {
        List<Future<?>> lanes = new ArrayList<>();
        try (ExecutorService perLane = Executors.newVirtualThreadPerTaskExecutor()) {
            work.forEach((lane, rows) -> lanes.add(perLane.submit(() -> {
                deliver(lane, rows);
                return null;
            })));
        }
        for (Future<?> lane : lanes) {
            try {
                lane.get();
            } catch (ExecutionException e) {
                switch (e.getCause()) {
                    case RuntimeException failure -> throw failure;
                    case InterruptedException interrupted -> throw interrupted;
                    default -> throw new IllegalStateException(e.getCause());
                }
            }
        }
    }

    /**
     * Sends a lane's due replies in order. A reply the platform accepted is recorded with others sent at the same
     * time, and the next goes out without waiting for that commit: after a crash, only the replies sent since the
     * last commit can go out again. A reply that must wait (not due yet, throttled, failed) holds the lane back until
     * its retry time, so that a chat's replies never overtake each other.
     */
    private void deliver(Lanes.Lane lane, List<OutboxStore.Pending> rows) throws InterruptedException {
        if (rows.isEmpty()) {
            tx.executeWrite(status -> {
                store.recount(lane);
                return null;
            });
            return;
        }
        List<CompletableFuture<Boolean>> recording = new ArrayList<>();
        int finished = 0; // rows done whose outcome is committed but not yet counted in the lane
        for (OutboxStore.Pending row : rows) {
            if (!row.due()) {
                Duration wait = Duration.between(Instant.now(), row.nextAttemptAt());
                awaitRecorded(recording);
                settle(lane, finished, wait.isNegative() ? Duration.ZERO : wait);
                return;
            }
            Delivery delivery = deliver(row.message());
            boolean last = row == rows.getLast();
            if (delivery instanceof Delivery.Sent sent) { // the common case
                recording.add(sentRecords.submitAsync(
                        new OutboxStore.Sent(row.message(), sent.messageId(), lane, finished + 1, last)));
                finished = 0;
                if (last && awaitRecorded(recording)) {
                    signal.signal(); // replies queued behind a handed-over one: no worker's loop would see them soon
                }
                continue;
            }
            awaitRecorded(recording);
            int done = finished;
            // The outcome, and at the end the lane's count and lease, in one commit.
            Optional<Duration> retry = tx.executeWrite(status -> {
                Optional<Duration> wait = record(row.message(), delivery);
                int counted = done + (wait.isEmpty() ? 1 : 0);
                if (wait.isPresent() || last) {
                    store.settle(lane, counted, wait.orElse(null));
                }
                return wait;
            });
            if (retry.isPresent()) {
                return;
            }
            if (last) {
                signal.signal(); // the lane is free again, and replies may have been queued behind this one
            }
            finished++;
        }
    }

    /** Waits until the sent replies are recorded; true when one gave its lane up with more replies waiting. */
    private boolean awaitRecorded(List<CompletableFuture<Boolean>> recording) {
        boolean moreWaiting = false;
        for (CompletableFuture<Boolean> record : recording) {
            moreWaiting |= sentRecords.await(record);
        }
        recording.clear();
        return moreWaiting;
    }

    private void settle(Lanes.Lane lane, int finished, Duration pause) {
        tx.executeWrite(status -> {
            store.settle(lane, finished, pause);
            return null;
        });
    }

    private Delivery deliver(Outbound message) throws InterruptedException {
        Optional<Channel> channel = channels.find(message.bot(), message.channel());
        if (channel.isEmpty()) {
            return new Delivery.Failed("bot " + message.bot() + " has no " + message.channel() + " channel", true);
        }
        boolean group = channel.get().isGroupChat(message.chat());
        Thread.sleep(limits.reserve(message.bot(), message.channel(), message.chat(), group));
        return send(channel.get(), message);
    }

    private static Delivery send(Channel channel, Outbound message) {
        try {
            return channel.send(message);
        } catch (RuntimeException e) {
            return new Delivery.Failed(e.toString(), false);
        }
    }

    /** Stores the outcome; a retry time when the lane must wait for this reply. */
    private Optional<Duration> record(Outbound message, Delivery delivery) {
        switch (delivery) {
            case Delivery.Sent sent -> throw new IllegalStateException("a sent reply is recorded by the group commit");
            case Delivery.RetryAfter throttled -> {
                limits.pause(message.bot(), message.channel(), message.chat(), throttled.after());
                store.retryLater(message, throttled.after(), "throttled: " + throttled.reason(), false);
                return Optional.of(throttled.after());
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
                store.dead(message, failed.reason());
                return Optional.empty();
            }
            case Delivery.Failed failed -> {
                Duration wait = backoff(message.attempt());
                store.retryLater(message, wait, failed.reason(), true);
                return Optional.of(wait);
            }
        }
    }

    private Duration backoff(int attempt) {
        long base = backoff.toMillis() << Math.min(attempt - 1, 10);
        return Duration.ofMillis(base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1));
    }
}
