package dev.alfred.conversation;

import dev.alfred.channel.Inbound;
import dev.alfred.channel.Outbound;
import dev.alfred.channel.Reply;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Stores outbox rows, leases their chat's lane and records how delivery went. Callers hold the transaction. */
@Singleton
class OutboxStore {

    static final String QUEUE = "outbox";

    /** A pending reply of a leased lane; {@code due} false means it waits for a retry time. */
    record Pending(Outbound message, boolean due, Instant nextAttemptAt) {}

    private final JdbcOperations jdbc;
    private final Lanes lanes;
    private final Json json;
    private final Drafts drafts;

    OutboxStore(JdbcOperations jdbc, Lanes lanes, Json json, Drafts drafts) {
        this.drafts = drafts;
        this.jdbc = jdbc;
        this.lanes = lanes;
        this.json = json;
    }

    /** Queues the replies to an inbound event, in the caller's transaction. */
    void enqueue(@Nullable Long inboxId, @Nullable UUID tenantId, Inbound event, List<Reply> replies) {
        for (Outbound message : messages(event, replies)) {
            insert(inboxId, tenantId, message);
        }
    }

    /** Replies queued with their outbox lane leased to the caller, to send after its commit. */
    record HandOver(Lanes.Lane lane, List<Outbound> messages) {}

    /** The outbox lane of the event's chat, to be leased to a new owner by {@link Answers#store}. */
    static Lanes.Lane laneOf(Inbound event) {
        return new Lanes.Lane(QUEUE, event.bot(), event.channel(), event.chat(), UUID.randomUUID());
    }

    /** Queues a reply that answers no event (a notification), in the caller's transaction. */
    void enqueue(UUID tenantId, String bot, String channel, String chat, Reply reply) {
        insert(null, tenantId, new Outbound(0, bot, channel, chat, reply, Map.of(), 1));
    }

    /** The replies to an inbound event as messages to store, each at the address it goes to. */
    List<Outbound> messages(Inbound event, List<Reply> replies) {
        // The first reply replaces the draft of the answer, if one was shown while it was written.
        Map<String, String> address = drafts.replyAddress(event);
        List<Outbound> messages = new ArrayList<>();
        for (Reply reply : replies) {
            messages.add(new Outbound(0, event.bot(), event.channel(), event.chat(), reply, address, 1));
            address = event.replyAddress();
        }
        return messages;
    }

    /** Stores the reply and counts it into its lane; the lane's lease stays as it was. */
    private void insert(@Nullable Long inboxId, @Nullable UUID tenantId, Outbound message) {
        jdbc.prepareStatement("""
                WITH stored AS (
                    INSERT INTO outbox (inbox_id, tenant_id, bot, channel, chat, reply, reply_address)
                    VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb))
                    RETURNING bot, channel, chat)
                INSERT INTO queue_lane AS l (queue, bot, channel, chat, pending)
                SELECT 'outbox', bot, channel, chat, 1 FROM stored
                ON CONFLICT (queue, bot, channel, chat) DO UPDATE SET pending = l.pending + 1""", statement -> {
            statement.setObject(1, inboxId);
            statement.setObject(2, tenantId);
            statement.setString(3, message.bot());
            statement.setString(4, message.channel());
            statement.setString(5, message.chat());
            statement.setString(6, json.write(message.reply()));
            statement.setString(7, json.write(message.replyAddress()));
            return statement.executeUpdate();
        });
    }

    /**
     * Leases up to {@code limit} lanes and reads up to {@code rowsPerLane} of each one's oldest pending replies, in
     * order. A lane can come with no replies (its count drifted): recount it.
     */
    Map<Lanes.Lane, List<Pending>> claim(int limit, Duration lease, int rowsPerLane) {
        return lanes.claim(
                QUEUE,
                limit,
                lease,
                """
                SELECT o.* FROM queue_lane lane CROSS JOIN LATERAL (
                    SELECT id, bot, channel, chat, reply::text AS reply, reply_address::text AS reply_address, attempts,
                           next_attempt_at <= now() AS due, next_attempt_at
                    FROM outbox
                    WHERE status = 'pending' AND bot = lane.bot AND channel = lane.channel AND chat = lane.chat
                    ORDER BY id
                    LIMIT ?) o
                WHERE lane.queue = 'outbox' AND lane.lease_owner = ?
                ORDER BY o.id""",
                rowsPerLane,
                row -> new Pending(
                        outbound(row),
                        row.getBoolean("due"),
                        row.getTimestamp("next_attempt_at").toInstant()));
    }

    /**
     * A reply the platform accepted, which counts {@code finished} of its lane's replies as done (itself and any
     * finished before it and not counted yet); the lane's last reply of its claim also gives the lane up.
     */
    record Sent(Outbound message, String messageId, Lanes.Lane lane, int finished, boolean release) {}

    /**
     * Records the replies as sent and counts each lane's finished replies, in one statement, and gives up the lanes
     * of the replies that release them; for each of those, true when more replies wait in its lane (queued while it
     * was held), for a worker to take up. A lane whose lease was lost stays with its new holder.
     */
    List<Boolean> sentAndRelease(List<Sent> sent) {
        Boolean[] moreWaiting = new Boolean[sent.size()];
        Arrays.fill(moreWaiting, false);
        // One lane may have several replies here, and an UPDATE changes a row once however many rows it joins.
        jdbc.prepareStatement(Lanes.LOCK_IN_ORDER + """
                WITH done AS (
                    SELECT * FROM unnest(?, ?, ?, ?, ?, ?, ?, ?) WITH ORDINALITY
                        AS d(id, message_id, bot, channel, chat, owner, finished, release, position)),
                marked AS (
                    UPDATE outbox o SET status = 'sent', sent_at = now(), platform_message_id = d.message_id,
                        attempts = o.attempts + 1
                    FROM done d WHERE o.id = d.id
                    RETURNING o.id),
                counted AS (
                    SELECT d.bot, d.channel, d.chat, d.owner, sum(d.finished) AS finished,
                        max(d.position) FILTER (WHERE d.release) AS released_by
                    FROM done d JOIN marked m ON m.id = d.id
                    GROUP BY d.bot, d.channel, d.chat, d.owner)
                UPDATE queue_lane l SET pending = l.pending - c.finished,
                    lease_owner = CASE WHEN c.released_by IS NULL THEN l.lease_owner END,
                    lease_until = CASE WHEN c.released_by IS NULL THEN l.lease_until END
                FROM counted c
                WHERE l.queue = 'outbox' AND l.bot = c.bot AND l.channel = c.channel AND l.chat = c.chat
                  AND l.lease_owner = c.owner
                RETURNING c.released_by, l.pending""", statement -> {
            Lanes.bindLocked(statement, 1, sent.stream().map(Sent::lane).toList());
            Lanes.bindColumn(statement, 5, "bigint", sent, s -> s.message().id());
            Lanes.bindColumn(statement, 6, "text", sent, Sent::messageId);
            Lanes.bindColumn(statement, 7, "text", sent, s -> s.lane().bot());
            Lanes.bindColumn(statement, 8, "text", sent, s -> s.lane().channel());
            Lanes.bindColumn(statement, 9, "text", sent, s -> s.lane().chat());
            Lanes.bindColumn(statement, 10, "uuid", sent, s -> s.lane().owner());
            Lanes.bindColumn(statement, 11, "integer", sent, Sent::finished);
            Lanes.bindColumn(statement, 12, "boolean", sent, Sent::release);
            try (ResultSet rows = Lanes.resultAfterLock(statement, true)) {
                while (rows.next()) {
                    int releasedBy = rows.getInt(1);
                    if (!rows.wasNull()) {
                        moreWaiting[releasedBy - 1] = rows.getInt(2) > 0;
                    }
                }
            }
            return null;
        });
        return Arrays.asList(moreWaiting);
    }

    /** Sends again after {@code delay}; {@code counted} false does not count the attempt (a throttle is not a failure). */
    void retryLater(Outbound message, Duration delay, String reason, boolean counted) {
        jdbc.prepareStatement("""
                UPDATE outbox SET next_attempt_at = now() + make_interval(secs => ?), last_error = ?,
                    attempts = attempts + ?
                WHERE id = ?""", statement -> {
            statement.setDouble(1, delay.toMillis() / 1000.0);
            statement.setString(2, reason);
            statement.setInt(3, counted ? 1 : 0);
            statement.setLong(4, message.id());
            return statement.executeUpdate();
        });
    }

    void dead(Outbound message, String reason) {
        update(
                "UPDATE outbox SET status = 'dead', last_error = ?, attempts = attempts + 1 WHERE id = ?",
                reason,
                message.id());
    }

    /** Counts the lane's finished replies and gives it up, to be taken again after {@code pause} (null: at once). */
    void settle(Lanes.Lane lane, int finished, @Nullable Duration pause) {
        lanes.settle(lane, finished, pause);
    }

    void recount(Lanes.Lane lane) {
        lanes.recount(lane, QUEUE);
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

    /** Puts a dead letter of the tenant back in its lane; false if there is none with that id. */
    boolean revive(UUID tenantId, long id) {
        return jdbc.prepareStatement("""
                UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = now()
                WHERE id = ? AND tenant_id = ? AND status = 'dead'
                RETURNING bot, channel, chat""", statement -> {
            statement.setLong(1, id);
            statement.setObject(2, tenantId);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return false;
                }
                lanes.add(QUEUE, rows.getString(1), rows.getString(2), rows.getString(3));
                return true;
            }
        });
    }

    private void update(String sql, String text, long id) {
        jdbc.prepareStatement(sql, statement -> {
            statement.setString(1, text);
            statement.setLong(2, id);
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
                rows.getInt("attempts") + 1);
    }
}
