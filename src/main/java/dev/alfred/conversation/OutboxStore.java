package dev.alfred.conversation;

import dev.alfred.channel.Outbound;
import dev.alfred.channel.Reply;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Claims due outbox rows and records how their delivery went. Callers hold the transaction. */
@Singleton
class OutboxStore {

    /** An outbox message with its lease. */
    record Claimed(Outbound message, UUID lease) {}

    /** How many of the oldest due rows a claim looks at per row it wants; see {@link InboxStore}. */
    private static final int WINDOW = 16;

    private final JdbcOperations jdbc;
    private final Json json;

    OutboxStore(JdbcOperations jdbc, Json json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Leases due rows, only the oldest pending one of each chat, so that a chat's replies keep their order. */
    List<Claimed> claim(int limit, Duration lease) {
        UUID owner = UUID.randomUUID();
        return jdbc.prepareStatement("""
                UPDATE outbox SET lease_until = now() + make_interval(secs => ?), lease_owner = ?, attempts = attempts + 1
                WHERE id IN (
                    SELECT c.id FROM (
                        SELECT id, bot, channel, chat FROM outbox
                        WHERE status = 'pending' AND next_attempt_at <= now()
                          AND (lease_until IS NULL OR lease_until < now())
                        ORDER BY id
                        LIMIT ?
                        FOR UPDATE SKIP LOCKED) c
                    WHERE NOT EXISTS (
                        SELECT 1 FROM outbox p
                        WHERE p.status = 'pending' AND p.bot = c.bot AND p.channel = c.channel
                          AND p.chat = c.chat AND p.id < c.id)
                    LIMIT ?)
                RETURNING id, bot, channel, chat, reply::text, reply_address::text, attempts""", statement -> {
            statement.setDouble(1, lease.toMillis() / 1000.0);
            statement.setObject(2, owner);
            statement.setInt(3, limit * WINDOW);
            statement.setInt(4, limit);
            List<Claimed> claimed = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    claimed.add(new Claimed(outbound(rows), owner));
                }
            }
            claimed.sort((a, b) -> Long.compare(a.message().id(), b.message().id()));
            return claimed;
        });
    }

    void sent(Claimed row, String messageId) {
        update(
                "UPDATE outbox SET status = 'sent', sent_at = now(), platform_message_id = ?, lease_until = NULL"
                        + " WHERE id = ? AND lease_owner = ?",
                messageId,
                row);
    }

    /** Sends again after {@code delay}; {@code counted} false gives the attempt back (a throttle is not a failure). */
    void retryLater(Claimed row, Duration delay, String reason, boolean counted) {
        jdbc.prepareStatement("""
                UPDATE outbox SET next_attempt_at = now() + make_interval(secs => ?), last_error = ?, lease_until = NULL,
                    attempts = attempts - ?
                WHERE id = ? AND lease_owner = ?""", statement -> {
            statement.setDouble(1, delay.toMillis() / 1000.0);
            statement.setString(2, reason);
            statement.setInt(3, counted ? 0 : 1);
            statement.setLong(4, row.message().id());
            statement.setObject(5, row.lease());
            return statement.executeUpdate();
        });
    }

    void dead(Claimed row, String reason) {
        update(
                "UPDATE outbox SET status = 'dead', last_error = ?, lease_until = NULL WHERE id = ? AND lease_owner = ?",
                reason,
                row);
    }

    List<DeadLetters.DeadLetter> dead(UUID tenantId, int limit) {
        return jdbc.prepareStatement("""
                SELECT id, bot, channel, chat, reply::text, attempts, last_error, created_at FROM outbox
                WHERE status = 'dead' AND tenant_id = ? ORDER BY id DESC LIMIT ?""", statement -> {
            statement.setObject(1, tenantId);
            statement.setInt(2, limit);
            List<DeadLetters.DeadLetter> letters = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    letters.add(new DeadLetters.DeadLetter(
                            rows.getLong(1),
                            rows.getString(2),
                            rows.getString(3),
                            rows.getString(4),
                            json.read(rows.getString(5), Reply.class).text(),
                            rows.getInt(6),
                            rows.getString(7),
                            rows.getTimestamp(8).toInstant()));
                }
            }
            return letters;
        });
    }

    /** Puts a dead letter of the tenant back in the queue; false if there is none with that id. */
    boolean revive(UUID tenantId, long id) {
        return jdbc.prepareStatement("""
                        UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = now(), lease_until = NULL
                        WHERE id = ? AND tenant_id = ? AND status = 'dead'""", statement -> {
                    statement.setLong(1, id);
                    statement.setObject(2, tenantId);
                    return statement.executeUpdate();
                })
                == 1;
    }

    private void update(String sql, String text, Claimed row) {
        jdbc.prepareStatement(sql, statement -> {
            statement.setString(1, text);
            statement.setLong(2, row.message().id());
            statement.setObject(3, row.lease());
            return statement.executeUpdate();
        });
    }

    private Outbound outbound(ResultSet rows) throws SQLException {
        return new Outbound(
                rows.getLong("id"),
                rows.getString("bot"),
                rows.getString("channel"),
                rows.getString("chat"),
                json.read(rows.getString("reply"), Reply.class),
                json.readMap(rows.getString("reply_address")),
                rows.getInt("attempts"));
    }
}
