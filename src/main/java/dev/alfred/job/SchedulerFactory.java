package dev.alfred.job;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.jdbc.PostgreSqlJdbcCustomization;
import com.github.kagkarlsson.scheduler.serializer.JacksonSerializer;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Builds the scheduler that runs jobs (on the plain pool: it manages its own transactions) and the
 * client that schedules them (on the transaction-aware pool: it joins the caller's transaction).
 */
@Factory
class SchedulerFactory {

    @Singleton
    @Bean(preDestroy = "stop")
    Scheduler scheduler(DataSource dataSource, List<Task<?>> tasks, JobSettings settings) {
        List<RecurringTask<?>> recurring = new ArrayList<>();
        List<Task<?>> oneOff = new ArrayList<>();
        for (Task<?> task : tasks) {
            if (task instanceof RecurringTask<?> each) {
                recurring.add(each);
            } else {
                oneOff.add(task);
            }
        }
        return Scheduler.create(DelegatingDataSource.unwrapDataSource(dataSource), oneOff)
                .startTasks(recurring)
                .threads(settings.threads())
                .pollingInterval(settings.pollingInterval())
                .serializer(new JacksonSerializer())
                .enableImmediateExecution()
                // A stopping instance hands unfinished jobs to the others (heartbeats expire) instead of waiting.
                .shutdownMaxWait(Duration.ofSeconds(5))
                .build();
    }

    @Singleton
    SchedulerClient client(DataSource dataSource, List<Task<?>> tasks) {
        // Named, because detecting the database would need a connection outside any transaction.
        return SchedulerClient.Builder.create(dataSource, tasks)
                .jdbcCustomization(new PostgreSqlJdbcCustomization(false, false))
                .serializer(new JacksonSerializer())
                .build();
    }

    @Singleton
    static class Starter {

        private final Scheduler scheduler;
        private final JobSettings settings;

        Starter(Scheduler scheduler, JobSettings settings) {
            this.scheduler = scheduler;
            this.settings = settings;
        }

        @EventListener
        void onStartup(StartupEvent event) {
            if (settings.enabled()) {
                scheduler.start();
            }
        }
    }
}
