package dev.alfred.metrics;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.UUID;

/**
 * The sync jobs: one per requested or scheduled sync, and a recurring check (run by one instance at
 * a time) that queues the syncs of tenants whose schedule is due.
 */
@Factory
class SyncTasks {

    @Singleton
    OneTimeTask<String> sync(Provider<SyncService> service) {
        return Tasks.oneTime(SyncService.SYNC_JOB)
                .execute((instance, context) -> service.get().runSync(UUID.fromString(instance.getData())));
    }

    @Singleton
    RecurringTask<Void> dueSyncs(
            Provider<SyncService> service, @Value("${alfred.metrics.schedule-check:10m}") Duration every) {
        return Tasks.recurring("metrics-due-syncs", FixedDelay.of(every))
                .execute((instance, context) -> service.get().queueDue());
    }
}
