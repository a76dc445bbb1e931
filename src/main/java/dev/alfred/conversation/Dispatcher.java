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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims inbox rows and turns each into replies in one transaction: route, write the outbox and
 * the history, mark the row done. The lanes of one claim share that transaction while every row
 * succeeds; otherwise each lane is handled on its own. A row whose processing throws is retried with
 * backoff and, after {@code alfred.dispatcher.max-attempts}, answered with an apology and marked failed.
 */
@Singleton
@Requires(property = "alfred.dispatcher.enabled", notEquals = "false")
class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final int ROWS_PER_LANE = 4;
    private static final TransactionDefinition NESTED =
            TransactionDefinition.of(TransactionDefinition.Propagation.NESTED);

    private final InboxStore inbox;
    private final Router router;
    private final OutboxStore outbox;
    private final Answers answers;
    private final Optional<OutboxSender> sender;
    private final Channels channels;
    private final TransactionOperations<Connection> tx;
    private final WorkSignal inboxSignal;
    private final WorkSignal outboxSignal;
    private final int batch;
    private final Duration lease;
    private final int maxAttempts;
    private final WorkerPool workers;

    Dispatcher(
            InboxStore inbox,
            Router router,
            OutboxStore outbox,
            Answers answers,
            Optional<OutboxSender> sender,
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
        this.answers = answers;
        this.sender = sender;
        this.channels = channels;
        this.tx = tx;
        this.inboxSignal = inboxSignal;
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

    /**
     * Claims and handles a batch of lanes; true when the worker should claim again at once rather than wait for a
     * signal. A claim of fewer lanes than the batch took every lane free at that moment: claiming again straight
     * away would mostly find nothing, and each row stored since then has signalled an idle worker already. A full
     * claim wakes another worker for the lanes it left, since the first to wake takes every signal pending.
     */
    private boolean round() {
        Map<Lanes.Lane, List<InboxStore.Pending>> work =
                tx.execute(Lanes.ON_ITS_OWN, status -> inbox.claim(batch, lease, ROWS_PER_LANE));
        boolean more = work.size() == batch;
        if (more) {
            inboxSignal.signal();
        }
        List<Together> lanes = new ArrayList<>();
        work.forEach((lane, rows) -> {
            if (rows.isEmpty()) {
                tx.executeWrite(status -> {
                    inbox.recount(lane);
                    return null;
                });
            } else {
                showProgress(rows);
                lanes.add(new Together(lane, rows));
            }
        });
        if (lanes.size() > 1 && handleAllTogether(lanes)) {
            return more || lanes.stream().anyMatch(lane -> lane.moreWaiting);
        }
        for (Together lane : lanes) {
            more |= handle(lane.lane, lane.rows);
        }
        return more;
    }

    private void showProgress(List<InboxStore.Pending> rows) {
        rows.stream()
                .map(InboxStore.Pending::event)
                .filter(event -> event.kind() == Inbound.Kind.TEXT)
                .forEach(event -> channels.find(event.bot(), event.channel()).ifPresent(c -> c.showProgress(event)));
    }

    /**
     * The common case under load: every row of every lane claimed succeeds, so all of them are stored in one
     * transaction and one statement instead of one of each per lane. False when anything failed, or a lease was
     * lost: then nothing was stored, and each lane is to be handled on its own.
     */
    private boolean handleAllTogether(List<Together> lanes) {
        try {
            storeTogether(lanes);
        } catch (RuntimeException e) {
            return false;
        }
        lanes.forEach(Together::send);
        return true;
    }

    /**
     * Handles a lane's next rows in order, in one transaction. A row that fails stops the lane: the rows before it
     * commit, it is retried after a backoff, and after {@code alfred.dispatcher.max-attempts} it is answered with
     * an apology and given up. True when rows may wait in the lane that a worker skipped while this one held it.
     */
    private boolean handle(Lanes.Lane lane, List<InboxStore.Pending> rows) {
        try {
            Together together = new Together(lane, rows);
            Failure failure = handleTogether(together);
            if (failure == null) {
                return together.moreWaiting;
            }
            if (rows.size() > 1) {
                failure = handleInOrder(lane, rows);
            }
            if (failure != null) {
                giveUpOrRetry(lane, failure);
            }
            return true;
        } catch (LeaseLost lost) {
            LOG.info(
                    "Lane {}/{}/{} was taken over by another worker; its results were discarded",
                    lane.bot(),
                    lane.channel(),
                    lane.chat());
            return false;
        }
    }

    /**
     * A lane's rows when they all succeed, so they need no savepoints, and a failure rolls them all back to be
     * handled again one by one ({@link #handleInOrder}). When the chat's outbox lane is free, the replies are handed
     * straight to the sender after the commit instead of waiting for a worker's claim.
     */
    private @Nullable Failure handleTogether(Together together) {
        try {
            storeTogether(List.of(together));
        } catch (LeaseLost lost) {
            throw lost;
        } catch (RuntimeException e) {
            return new Failure(together.current, e);
        }
        together.send();
        return null;
    }

    /**
     * Routes every row of these lanes and stores their answers in one transaction. Throws, with nothing stored and
     * the lanes' hand-over slots given back, when a row failed or a lease was lost ({@link LeaseLost}).
     */
    private void storeTogether(List<Together> lanes) {
        try {
            tx.executeWrite(status -> {
                lanes.forEach(Together::route);
                List<Answers.Stored> stored =
                        answers.store(lanes.stream().map(Together::answers).toList(), handOverLease());
                for (int i = 0; i < lanes.size(); i++) {
                    if (!lanes.get(i).stored(stored.get(i))) {
                        throw new LeaseLost();
                    }
                }
                return null;
            });
        } catch (RuntimeException e) {
            lanes.forEach(Together::giveBackSlot);
            throw e;
        }
    }

    private Duration handOverLease() {
        return sender.map(OutboxSender::lease).orElse(Duration.ZERO);
    }

    /** The rows of one lane handled in one transaction, and the replies it may hand over after the commit. */
    private final class Together {

        private final Lanes.Lane lane;
        private final List<InboxStore.Pending> rows;
        private final List<Router.Routed> routed = new ArrayList<>();
        private final Lanes.Lane replies;
        private OutboxStore.@Nullable HandOver handOver;
        private InboxStore.Pending current;
        private boolean slot;
        private boolean moreWaiting;

        Together(Lanes.Lane lane, List<InboxStore.Pending> rows) {
            this.lane = lane;
            this.rows = rows;
            this.replies = OutboxStore.laneOf(rows.getFirst().event());
            this.current = rows.getFirst();
        }

        void route() {
            for (InboxStore.Pending row : rows) {
                current = row;
                routed.add(router.route(row.event()));
            }
        }

        /**
         * The rows' answers, taken only after routing, so that a lease on the replies' outbox lane starts just
         * before the commit; with a hand-over slot, the replies' lane to lease.
         */
        Answers.LaneAnswers answers() {
            slot = sender.isPresent() && sender.get().reserveHandOver();
            List<Answers.Answer> answered = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                answered.add(new Answers.Answer(
                        rows.get(i), routed.get(i).tenantId(), routed.get(i).replies()));
            }
            return new Answers.LaneAnswers(lane, answered, slot ? replies : null);
        }

        /** Takes in what storing the answers came to; false when the lease on the lane was lost. */
        boolean stored(Answers.Stored stored) {
            handOver = stored.handOver().orElse(null);
            moreWaiting = stored.released() == Answers.Released.MORE_WAITING;
            return stored.released() != Answers.Released.LEASE_LOST;
        }

        void giveBackSlot() {
            if (slot) {
                slot = false;
                sender.orElseThrow().unused();
            }
        }

        void send() {
            if (handOver == null) {
                giveBackSlot();
                outboxSignal.signal();
            } else {
                sender.orElseThrow().handOver(handOver);
            }
        }
    }

    /** Handles the rows one by one, each in a nested transaction, up to the first that fails. */
    private @Nullable Failure handleInOrder(Lanes.Lane lane, List<InboxStore.Pending> rows) {
        Failure failure = tx.executeWrite(status -> {
            int finished = 0;
            Failure failed = null;
            for (InboxStore.Pending row : rows) {
                try {
                    tx.execute(NESTED, nested -> {
                        answer(row);
                        if (!inbox.done(row)) {
                            throw new LeaseLost();
                        }
                        return null;
                    });
                    finished++;
                } catch (RuntimeException e) {
                    failed = e instanceof LeaseLost ? null : new Failure(row, e);
                    break;
                }
            }
            boolean kept = failed == null ? inbox.release(lane, finished) : inbox.keep(lane, finished);
            if (!kept) {
                throw new LeaseLost();
            }
            return failed;
        });
        outboxSignal.signal();
        return failure;
    }

    /** Routes the row and queues its replies, in the caller's transaction. */
    private void answer(InboxStore.Pending row) {
        Router.Routed routed = router.route(row.event());
        outbox.enqueue(row.id(), routed.tenantId(), row.event(), routed.replies());
    }

    private record Failure(InboxStore.Pending row, RuntimeException error) {}

    /** Our lease on a lane expired and another worker took it: these results must not be stored. */
    private static final class LeaseLost extends RuntimeException {
        LeaseLost() {
            super(null, null, false, false);
        }
    }

    private void giveUpOrRetry(Lanes.Lane lane, Failure failure) {
        InboxStore.Pending row = failure.row();
        Inbound event = row.event();
        LOG.error(
                "Inbox row {} ({} {}) failed on attempt {}",
                row.id(),
                event.channel(),
                event.eventId(),
                row.attempts(),
                failure.error());
        tx.executeWrite(status -> {
            if (row.attempts() >= maxAttempts) {
                if (inbox.failed(row, failure.error().toString())) {
                    outbox.enqueue(
                            row.id(),
                            null,
                            event,
                            List.of(Reply.text("Sorry, I could not handle that message. The team has been told.")));
                    inbox.release(lane, 1);
                }
            } else {
                inbox.noteError(row, failure.error().toString());
                inbox.pause(lane, Duration.ofMillis(200L << Math.min(row.attempts(), 8)));
            }
            return null;
        });
        outboxSignal.signal();
    }
}
