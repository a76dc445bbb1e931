package dev.alfred.conversation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Virtual threads that take batches of queued work until stopped. Idle workers wait for a
 * {@link WorkSignal} or the poll interval; a failing round is logged and retried after the poll
 * interval. Stopping lets rounds in progress finish for up to the drain time, then interrupts them.
 */
final class WorkerPool {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);

    /** One round of work: claim a batch and handle it; {@code false} when there was nothing to do. */
    @FunctionalInterface
    interface Round {
        boolean run() throws InterruptedException;
    }

    private final String name;
    private final int size;
    private final Duration poll;
    private final Duration drain;
    private final WorkSignal signal;
    private final Round round;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    WorkerPool(String name, int size, Duration poll, Duration drain, WorkSignal signal, Round round) {
        this.name = name;
        this.size = size;
        this.poll = poll;
        this.drain = drain;
        this.signal = signal;
        this.round = round;
    }

    synchronized void start() {
        running = true;
        for (int i = 0; i < size; i++) {
            threads.add(Thread.ofVirtual().name(name + "-" + i).start(this::work));
        }
    }

    synchronized void stop() throws InterruptedException {
        running = false;
        long deadline = System.nanoTime() + drain.toNanos();
        for (Thread thread : threads) {
            thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        }
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(5));
        }
        threads.clear();
    }

    private void work() {
        while (running) {
            try {
                if (!round.run()) {
                    signal.await(poll);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warn("{} could not take work: {}", name, e.toString());
                try {
                    Thread.sleep(poll);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
