package dev.alfred.task;

import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import dev.alfred.job.Jobs;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps a task's reminder in step with the task, in the caller's transaction: one db-scheduler
 * one-off job per task (instance id = task id, so one instance of a cluster sends it) at
 * {@code alfred.tasks.reminder-lead} before the due time; a task due sooner than that is reminded
 * halfway between now and its due time; a done, cancelled, undated or past-due task has none.
 */
@Singleton
class TaskReminders {

    static final String JOB = "task-reminder";

    private final Jobs jobs;
    private final Clock clock;
    private final Duration lead;

    TaskReminders(Jobs jobs, Clock clock, @Value("${alfred.tasks.reminder-lead:1h}") Duration lead) {
        this.jobs = jobs;
        this.clock = clock;
        this.lead = lead;
    }

    void update(Task task) {
        Instant now = clock.instant();
        Instant due = task.due();
        if (task.status() != TaskStatus.OPEN || due == null || !due.isAfter(now)) {
            jobs.cancel(TaskInstanceId.of(JOB, String.valueOf(task.id())));
            return;
        }
        Instant at = due.minus(lead);
        if (!at.isAfter(now)) {
            at = now.plus(Duration.between(now, due).dividedBy(2));
        }
        jobs.schedule(new TaskInstance<>(JOB, String.valueOf(task.id()), task.id()), at);
    }
}
