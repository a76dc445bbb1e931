package dev.alfred.conversation;

import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes that callers wait for, made by one writer thread: the items that arrive while a commit is under way are
 * written together by one call of {@code write}, and each caller returns once its item is committed. Under load the
 * database sees one commit per burst instead of one per item; alone, an item waits for nothing but its own commit.
 *
 * <p>{@code write} runs one statement, outside a transaction ({@link Lanes#ON_ITS_OWN}): the statement commits in the
 * round trip that runs it, with no round trip for a commit. Should a shared write fail, each of its items is written
 * on its own, so that one bad item fails only its own caller. {@code write} must therefore touch nothing but the
 * database.
 *
 * @param <I> what a caller writes
 * @param <O> what it learns back, one per item and in the same order
 */
final class GroupCommit<I, O> {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    private record Waiting<I, O>(I item, CompletableFuture<O> result) {}

    private final String name;
    private final TransactionOperations<Connection> tx;
    private final Function<List<I>, List<O>> write;
    private final int maxBatch;
    private final BlockingQueue<Waiting<I, O>> queue = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private Thread writer;

    GroupCommit(String name, TransactionOperations<Connection> tx, int maxBatch, Function<List<I>, List<O>> write) {
        this.name = name;
        this.tx = tx;
        this.maxBatch = maxBatch;
        this.write = write;
    }

    synchronized void start() {
        running = true;
        writer = Thread.ofVirtual().name(name).start(this::run);
    }

    /** Writes what has been submitted for up to {@code drain}, then fails what still waits. */
    synchronized void stop(Duration drain) throws InterruptedException {
        running = false;
        if (writer == null) {
            return;
        }
        writer.join(drain);
        writer.interrupt();
        writer.join(Duration.ofSeconds(5));
        List<Waiting<I, O>> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(waiting -> waiting.result().completeExceptionally(stopping()));
    }

    /** Writes the item with whatever else is waiting and returns once it is committed. */
    O submit(I item) {
        return await(submitAsync(item));
    }

    /**
     * Hands the item to the writer and returns at once; {@link #await} gives its outcome. Items are committed in the
     * order they are submitted, an item never before one submitted earlier.
     */
    CompletableFuture<O> submitAsync(I item) {
        if (!running) {
            throw stopping();
        }
        Waiting<I, O> waiting = new Waiting<>(item, new CompletableFuture<>());
        queue.add(waiting);
        return waiting.result();
    }

    /** Waits until an item from {@link #submitAsync} is committed, and returns what its write gave back. */
    O await(CompletableFuture<O> result) {
        try {
            while (true) {
                try {
                    return result.get(1, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    if (!writer.isAlive()) { // it stopped after this item arrived
                        throw stopping();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + " was interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    private IllegalStateException stopping() {
        return new IllegalStateException(name + " is stopping");
    }

    private void run() {
        List<Waiting<I, O>> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Waiting<I, O> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                commit(batch);
            } catch (InterruptedException e) {
                batch.forEach(waiting -> waiting.result().completeExceptionally(e));
                return;
            } catch (RuntimeException e) {
                batch.forEach(waiting -> waiting.result().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Waiting<I, O>> batch) {
        List<O> results;
        try {
            results = tx.execute(
                    Lanes.ON_ITS_OWN,
                    status -> write.apply(batch.stream().map(Waiting::item).toList()));
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.getFirst().result().completeExceptionally(e);
            } else {
                LOG.warn(
                        "{}: writing {} items together failed ({}); writing each on its own",
                        name,
                        batch.size(),
                        e.toString());
                batch.forEach(waiting -> commit(List.of(waiting)));
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).result().complete(results.get(i));
        }
    }
}
