package dev.alfred.assistant;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.micronaut.context.annotation.Factory;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.sql.Connection;

/**
 * Removes expired cached answers every {@code alfred.assistant.cache-ttl}, on one instance at a
 * time, so that the cache table holds no more than the answers still servable.
 */
@Factory
class CacheCleanup {

    @Singleton
    RecurringTask<Void> removeExpiredAnswers(
            Provider<ResponseCache> cache, TransactionOperations<Connection> tx, AssistantSettings settings) {
        return Tasks.recurring("assistant-cache-cleanup", FixedDelay.of(settings.cacheTtl()))
                .execute((instance, context) ->
                        tx.executeWrite(status -> cache.get().removeExpired()));
    }
}
