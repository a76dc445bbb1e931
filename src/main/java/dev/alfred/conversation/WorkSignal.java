package dev.alfred.conversation;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Wakes idle workers when work was stored on this instance; they also poll for other instances' work. */
final class WorkSignal {

    private final Semaphore permits = new Semaphore(0);

    void signal() {
        if (permits.availablePermits() < 64) {
            permits.release();
        }
    }

    /** Waits for a signal or the poll interval, whichever comes first. */
    void await(Duration poll) throws InterruptedException {
        if (permits.tryAcquire(poll.toMillis(), TimeUnit.MILLISECONDS)) {
            permits.drainPermits();
        }
    }
}
