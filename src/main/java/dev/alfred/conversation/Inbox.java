package dev.alfred.conversation;

import dev.alfred.channel.Inbound;
import dev.alfred.channel.InboundSink;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Duration;

/**
 * Stores inbound events once; a duplicate delivery of the same platform event is a no-op. Events that arrive
 * together are stored in one statement and one commit ({@link GroupCommit}); each request is acknowledged only
 * once its own event is durable.
 */
@Singleton
public class Inbox implements InboundSink {

    private final WorkSignal signal;
    private final Duration drain;
    private final GroupCommit<Inbound, Boolean> writes;

    Inbox(
            InboxStore store,
            TransactionOperations<Connection> tx,
            @Named("inbox") WorkSignal signal,
            @Value("${alfred.shutdown.drain:5s}") Duration drain) {
        this.signal = signal;
        this.drain = drain;
        this.writes = new GroupCommit<>("inbox-writer", tx, 200, store::insert);
    }

    @PostConstruct
    void start() {
        writes.start();
    }

    /** Stores what has arrived; a request still waiting then fails, and its platform delivers it again. */
    @PreDestroy
    void stop() throws InterruptedException {
        writes.stop(drain);
    }

    @Override
    public boolean accept(Inbound event) {
        boolean stored = writes.submit(event);
        if (stored) {
            signal.signal();
        }
        return stored;
    }
}
