package dev.alfred;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The clock every service reads the time from, so that tests can set it. */
@Factory
class SystemClock {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
