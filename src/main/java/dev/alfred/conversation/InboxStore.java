package dev.alfred.conversation;

import dev.alfred.channel.Inbound;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Claims, completes and releases inbox rows. Callers hold the transaction. */
@Singleton
class InboxStore {

    /** A claimed row: the event, how many times it was claimed, and the lease that proves it is ours. */
    record Claimed(long id, Inbound event, int attempts, UUID lease) {}

    private static final int WINDOW = 16;

    private final JdbcOperations jdbc;
    private final Json json;

    InboxStore(JdbcOperations jdbc, Json json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Leases up to {@code limit} pending rows whose lease is free, taking only the oldest pending
     * row of each chat so that a chat's messages are handled in order. Only the oldest
     * {@code limit * WINDOW} free rows are considered, which keeps a claim cheap however long the
     * backlog; a chat flooding the front of the queue can delay other chats by that window.
     */
    List<Claimed> claim(int limit, Duration lease) {
        UUID owner = UUID.randomUUID();
        return jdbc.prepareStatement("""
                UPDATE inbox SET lease_until = now() + make_interval(secs => ?), lease_owner = ?, attempts = attempts + 1
                WHERE id IN (
                    SELECT c.id FROM (
                        SELECT id, bot, channel, chat FROM inbox
                        WHERE status = 'pending' AND (lease_until IS NULL OR lease_until < now())
                        ORDER BY id
                        LIMIT ?
                        FOR UPDATE SKIP LOCKED) c
                    WHERE NOT EXISTS (
                        SELECT 1 FROM inbox p
                        WHERE p.status = 'pending' AND p.bot = c.bot AND p.channel = c.channel
                          AND p.chat = c.chat AND p.id < c.id)
                    LIMIT ?)
                RETURNING id, bot, channel, event_id, workspace, chat, platform_user_id, user_name, kind, text,
                          reply_address::text, attempts""", statement -> {
            statement.setDouble(1, lease.toMillis() / 1000.0);
            statement.setObject(2, owner);
            statement.setInt(3, limit * WINDOW);
            statement.setInt(4, limit);
            List<Claimed> claimed = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    claimed.add(new Claimed(rows.getLong("id"), inbound(rows), rows.getInt("attempts"), owner));
                }
            }
            claimed.sort((a, b) -> Long.compare(a.id(), b.id()));
            return claimed;
        });
    }

    /** Marks the row done if our lease still holds; false means another worker took it over. */
    boolean markDone(Claimed row) {
        return update(
                "UPDATE inbox SET status = 'done', processed_at = now(), lease_until = NULL"
                        + " WHERE id = ? AND status = 'pending' AND lease_owner = ?",
                row);
    }

    /** Gives up on the row for good, with the reason. */
    boolean markFailed(Claimed row, String error) {
        return jdbc.prepareStatement(
                        "UPDATE inbox SET status = 'failed', processed_at = now(), error = ?, lease_until = NULL"
                                + " WHERE id = ? AND status = 'pending' AND lease_owner = ?",
                        statement -> {
                            statement.setString(1, error);
                            statement.setLong(2, row.id());
                            statement.setObject(3, row.lease());
                            return statement.executeUpdate();
                        })
                == 1;
    }

    /** Lets the row be claimed again after {@code delay}. */
    void release(Claimed row, Duration delay, String error) {
        jdbc.prepareStatement(
                "UPDATE inbox SET lease_until = now() + make_interval(secs => ?), error = ?"
                        + " WHERE id = ? AND lease_owner = ?",
                statement -> {
                    statement.setDouble(1, delay.toMillis() / 1000.0);
                    statement.setString(2, error);
                    statement.setLong(3, row.id());
                    statement.setObject(4, row.lease());
                    return statement.executeUpdate();
                });
    }

    private boolean update(String sql, Claimed row) {
        return jdbc.prepareStatement(sql, statement -> {
                    statement.setLong(1, row.id());
                    statement.setObject(2, row.lease());
                    return statement.executeUpdate();
                })
                == 1;
    }

    private Inbound inbound(ResultSet rows) throws SQLException {
        return new Inbound(
                rows.getString("bot"),
                rows.getString("channel"),
                rows.getString("event_id"),
                rows.getString("workspace"),
                rows.getString("chat"),
                rows.getString("platform_user_id"),
                rows.getString("user_name"),
                Inbound.Kind.valueOf(rows.getString("kind")),
                rows.getString("text"),
                json.readMap(rows.getString("reply_address")));
    }
}
