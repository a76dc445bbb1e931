package dev.alfred.job;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * {@code alfred.jobs.*}: whether this instance runs jobs, how many at once, and how often it looks
 * for due ones.
 */
@ConfigurationProperties("alfred.jobs")
record JobSettings(boolean enabled, int threads, Duration pollingInterval) {

    JobSettings {
        if (threads < 1) {
            throw new IllegalArgumentException("alfred.jobs.threads must be at least 1");
        }
    }
}
