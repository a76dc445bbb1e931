package dev.alfred.conversation;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.micronaut.context.annotation.Factory;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Duration;

/**
 * Every ten minutes, on one instance at a time, deletes the queue lanes of chats with nothing pending: a claim
 * reads every lane, so the table should hold the chats in use, not every chat ever seen.
 */
@Factory
class LaneCleanup {

    @Singleton
    RecurringTask<Void> forgetIdleLanes(Provider<Lanes> lanes, TransactionOperations<Connection> tx) {
        return Tasks.recurring("queue-lane-cleanup", FixedDelay.of(Duration.ofMinutes(10)))
                .execute((instance, context) ->
                        tx.executeWrite(status -> lanes.get().forgetIdle()));
    }
}
