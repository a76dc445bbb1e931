package dev.alfred.conversation;

import dev.alfred.channel.Inbound;
import dev.alfred.channel.InboundSink;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;

/** Stores inbound events once; a duplicate delivery of the same platform event is a no-op. */
@Singleton
public class Inbox implements InboundSink {

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> tx;
    private final Json json;
    private final WorkSignal signal;

    Inbox(JdbcOperations jdbc, TransactionOperations<Connection> tx, Json json, @Named("inbox") WorkSignal signal) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
        this.signal = signal;
    }

    @Override
    public boolean accept(Inbound event) {
        boolean stored = tx.executeWrite(status -> jdbc.prepareStatement("""
                INSERT INTO inbox (bot, channel, event_id, workspace, chat, platform_user_id, user_name, kind, text, reply_address)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb))
                ON CONFLICT (bot, channel, event_id) DO NOTHING""", statement -> {
            statement.setString(1, event.bot());
            statement.setString(2, event.channel());
            statement.setString(3, event.eventId());
            statement.setString(4, event.workspace());
            statement.setString(5, event.chat());
            statement.setString(6, event.platformUserId());
            statement.setString(7, event.userName());
            statement.setString(8, event.kind().name());
            statement.setString(9, event.text());
            statement.setString(10, json.write(event.replyAddress()));
            return statement.executeUpdate() == 1;
        }));
        if (stored) {
            signal.signal();
        }
        return stored;
    }
}
