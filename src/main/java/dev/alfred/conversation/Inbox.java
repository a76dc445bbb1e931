package dev.alfred.conversation;

import dev.alfred.channel.Inbound;
import dev.alfred.channel.InboundSink;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;

/** Stores inbound events once; a duplicate delivery of the same platform event is a no-op. */
@Singleton
public class Inbox implements InboundSink {

    private final InboxStore store;
    private final TransactionOperations<Connection> tx;
    private final WorkSignal signal;

    Inbox(InboxStore store, TransactionOperations<Connection> tx, @Named("inbox") WorkSignal signal) {
        this.store = store;
        this.tx = tx;
        this.signal = signal;
    }

    @Override
    public boolean accept(Inbound event) {
        boolean stored = tx.executeWrite(status -> store.insert(event));
        if (stored) {
            signal.signal();
        }
        return stored;
    }
}
