package dev.alfred.conversation;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/** The two wake-up signals: new inbox rows for the dispatcher, new outbox rows for the sender. */
@Factory
class Signals {

    @Singleton
    @Named("inbox")
    WorkSignal inbox() {
        return new WorkSignal();
    }

    @Singleton
    @Named("outbox")
    WorkSignal outbox() {
        return new WorkSignal();
    }
}
