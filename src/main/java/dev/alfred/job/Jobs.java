package dev.alfred.job;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import jakarta.inject.Singleton;
import java.time.Instant;

/**
 * Schedules, moves and cancels one-off jobs in the caller's transaction: a job scheduled in a
 * transaction that rolls back never runs.
 */
@Singleton
public class Jobs {

    private final SchedulerClient client;

    Jobs(SchedulerClient client) {
        this.client = client;
    }

    /** Runs {@code instance} at {@code at}, replacing the time and data of an existing one with the same id. */
    public <T> void schedule(TaskInstance<T> instance, Instant at) {
        if (client.getScheduledExecution(instance).isPresent()) {
            client.reschedule(instance, at, instance.getData());
        } else {
            client.scheduleIfNotExists(instance, at);
        }
    }

    /** Cancels the job if it is still waiting; does nothing otherwise. */
    public void cancel(TaskInstanceId id) {
        if (client.getScheduledExecution(id).isPresent()) {
            client.cancel(id);
        }
    }
}
