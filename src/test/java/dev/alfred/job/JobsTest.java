package dev.alfred.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.alfred.testing.AlfredProperties;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Jobs join the caller's transaction: committed jobs run once, rolled-back ones never. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobsTest implements TestPropertyProvider {

    static final List<String> RAN = new CopyOnWriteArrayList<>();

    @Inject
    Jobs jobs;

    @Inject
    TransactionOperations<Connection> transactions;

    @Override
    public Map<String, String> getProperties() {
        return AlfredProperties.fresh("alfred.test.jobs", "true", "alfred.jobs.polling-interval", "100ms");
    }

    @Test
    void aCommittedJobRunsOnceAndARolledBackOneNever() {
        transactions.executeWrite(status -> {
            jobs.schedule(Echo.TASK.instance("kept", "kept"), Instant.now());
            return null;
        });
        try {
            transactions.executeWrite(status -> {
                jobs.schedule(Echo.TASK.instance("dropped", "dropped"), Instant.now());
                throw new IllegalStateException("roll back");
            });
        } catch (IllegalStateException expected) {
            // the second job must vanish with its transaction
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> RAN.contains("kept"));
        await().during(Duration.ofMillis(700)).until(() -> !RAN.contains("dropped"));
        assertThat(RAN).containsOnlyOnce("kept");
    }

    @Test
    void aCancelledJobNeverRuns() {
        transactions.executeWrite(status -> {
            jobs.schedule(
                    Echo.TASK.instance("cancelled", "cancelled"), Instant.now().plusSeconds(1));
            return null;
        });
        transactions.executeWrite(status -> {
            jobs.cancel(Echo.TASK.instance("cancelled"));
            return null;
        });
        await().during(Duration.ofMillis(1500)).until(() -> !RAN.contains("cancelled"));
    }

    @Factory
    @Requires(property = "alfred.test.jobs", value = "true")
    static class Echo {

        static final OneTimeTask<String> TASK =
                Tasks.oneTime("test-echo", String.class).execute((instance, context) -> RAN.add(instance.getData()));

        @Singleton
        OneTimeTask<String> echo() {
            return TASK;
        }
    }
}
