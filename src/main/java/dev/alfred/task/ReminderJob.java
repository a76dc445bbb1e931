package dev.alfred.task;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.alfred.channel.Reply;
import dev.alfred.conversation.Notifier;
import io.micronaut.context.annotation.Factory;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;

/**
 * The job that sends a task's reminder. It sends nothing if the task is no longer open or its
 * assignee was deactivated meanwhile: a reminder that cannot apply is dropped, not retried.
 */
@Factory
class ReminderJob {

    @Singleton
    OneTimeTask<Long> reminder(
            TaskStore store, People people, Notifier notifier, TransactionOperations<Connection> tx) {
        return Tasks.oneTime(TaskReminders.JOB, Long.class)
                .execute((instance, context) -> tx.executeWrite(status -> {
                    store.findForReminder(instance.getData())
                            .filter(task -> task.status() == TaskStatus.OPEN && task.due() != null)
                            .ifPresent(task -> people.find(task.tenantId(), task.assigneeId())
                                    .ifPresent(assignee -> notifier.notify(
                                            task.tenantId(),
                                            assignee.id(),
                                            Reply.text("Reminder: task #" + task.id() + " *" + task.title()
                                                            + "* is due "
                                                            + TaskCards.when(task.due(), assignee.zone()) + ".")
                                                    .withCard(
                                                            TaskCards.card(task, assignee.name(), assignee.zone())))));
                    return Boolean.TRUE;
                }));
    }
}
