package dev.alfred.conversation;

import dev.alfred.channel.Inbound;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Stores, leases and finishes inbox rows through their chat's lane. Callers hold the transaction. */
@Singleton
class InboxStore {

    static final String QUEUE = "inbox";

    /** A pending row of a leased lane, and how many times it was taken up (this time included). */
    record Pending(long id, Inbound event, int attempts) {}

    private final JdbcOperations jdbc;
    private final Lanes lanes;
    private final Json json;

    InboxStore(JdbcOperations jdbc, Lanes lanes, Json json) {
        this.jdbc = jdbc;
        this.lanes = lanes;
        this.json = json;
    }

    /**
     * Stores the events in order and counts them into their lanes, in one statement; returns which of them were
     * new. An event that is stored already, or that appears earlier in the list, is not stored again.
     */
    List<Boolean> insert(List<Inbound> events) {
        Boolean[] stored = new Boolean[events.size()];
        Arrays.fill(stored, false);
        Map<EventKey, Integer> firsts = new LinkedHashMap<>();
        for (int i = 0; i < events.size(); i++) {
            Inbound event = events.get(i);
            firsts.putIfAbsent(new EventKey(event.bot(), event.channel(), event.eventId()), i);
        }
        List<Inbound> distinct = firsts.values().stream().map(events::get).toList();
        jdbc.prepareStatement("""
                WITH arrived AS (
                    SELECT * FROM unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?) WITH ORDINALITY
                        AS e(bot, channel, event_id, workspace, chat, platform_user_id, user_name, kind, text,
                             reply_address, position)),
                stored AS (
                    INSERT INTO inbox (bot, channel, event_id, workspace, chat, platform_user_id, user_name, kind, text,
                                       reply_address)
                    SELECT bot, channel, event_id, workspace, chat, platform_user_id, user_name, kind, text,
                           CAST(reply_address AS jsonb)
                    FROM arrived ORDER BY position
                    ON CONFLICT (bot, channel, event_id) DO NOTHING
                    RETURNING bot, channel, event_id, chat),
                counted AS (
                    INSERT INTO queue_lane (queue, bot, channel, chat, pending)
                    SELECT 'inbox', bot, channel, chat, count(*) FROM stored GROUP BY bot, channel, chat
                    ORDER BY bot, channel, chat
                    ON CONFLICT (queue, bot, channel, chat) DO UPDATE SET pending = queue_lane.pending + excluded.pending)
                SELECT bot, channel, event_id FROM stored""", statement -> {
            List<Function<Inbound, Object>> columns = List.of(
                    Inbound::bot,
                    Inbound::channel,
                    Inbound::eventId,
                    Inbound::workspace,
                    Inbound::chat,
                    Inbound::platformUserId,
                    Inbound::userName,
                    event -> event.kind().name(),
                    Inbound::text,
                    event -> json.write(event.replyAddress()));
            for (int c = 0; c < columns.size(); c++) {
                Lanes.bindColumn(statement, c + 1, "text", distinct, columns.get(c));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    stored[firsts.get(new EventKey(rows.getString(1), rows.getString(2), rows.getString(3)))] = true;
                }
            }
            return null;
        });
        return Arrays.asList(stored);
    }

    /** What makes an inbound event the same event when a platform delivers it again. */
    private record EventKey(String bot, String channel, String eventId) {}

    /**
     * Leases up to {@code limit} lanes and takes up to {@code rowsPerLane} of each one's oldest pending rows, in
     * order, each counted as taken up once more. A lane can come with no rows (its count drifted): recount it.
     * The rows are found as an array first, so that they are updated through the primary key whatever plan is
     * cached: as {@code id IN (...)} the statement took 1.3 ms a call on its cached generic plan at 750 messages/s,
     * as an array 0.16 ms.
     */
    Map<Lanes.Lane, List<Pending>> claim(int limit, Duration lease, int rowsPerLane) {
        Map<Lanes.Lane, List<Pending>> claimed = lanes.claim(
                QUEUE,
                limit,
                lease,
                """
                UPDATE inbox SET attempts = attempts + 1
                WHERE status = 'pending' AND id = ANY(ARRAY(
                    SELECT next.id FROM queue_lane lane CROSS JOIN LATERAL (
                        SELECT id FROM inbox
                        WHERE status = 'pending' AND bot = lane.bot AND channel = lane.channel AND chat = lane.chat
                        ORDER BY id
                        LIMIT ?) next
                    WHERE lane.queue = 'inbox' AND lane.lease_owner = ?))
                RETURNING id, bot, channel, event_id, workspace, chat, platform_user_id, user_name, kind, text,
                          reply_address::text AS reply_address, attempts""",
                rowsPerLane,
                row -> new Pending(row.getLong("id"), inbound(row), row.getInt("attempts")));
        claimed.values().forEach(rows -> rows.sort(Comparator.comparingLong(Pending::id)));
        return claimed;
    }

    /** Marks the row done; false if it is not pending any more (another worker took the lane over). */
    boolean done(Pending row) {
        return finish(row, "done", null);
    }

    /** Gives up on the row for good, with the reason. */
    boolean failed(Pending row, String error) {
        return finish(row, "failed", error);
    }

    /** Counts the lane's finished rows and releases it; false if its lease was lost. */
    boolean release(Lanes.Lane lane, int finished) {
        return lanes.settle(lane, finished, null);
    }

    /** Counts the lane's finished rows and keeps its lease, to pause or finish it next; false if it was lost. */
    boolean keep(Lanes.Lane lane, int finished) {
        return lanes.keep(lane, finished);
    }

    /** Leaves the lane alone until {@code delay} has passed, e.g. before retrying a failed row. */
    void pause(Lanes.Lane lane, Duration delay) {
        lanes.settle(lane, 0, delay);
    }

    /** Repairs a lane that has no pending rows left although it counted some. */
    void recount(Lanes.Lane lane) {
        lanes.recount(lane, QUEUE);
    }

    private boolean finish(Pending row, String status, @Nullable String error) {
        return jdbc.prepareStatement(
                        "UPDATE inbox SET status = ?, processed_at = now(), error = ? WHERE id = ? AND status = 'pending'",
                        statement -> {
                            statement.setString(1, status);
                            statement.setString(2, error);
                            statement.setLong(3, row.id());
                            return statement.executeUpdate();
                        })
                == 1;
    }

    void noteError(Pending row, String error) {
        jdbc.prepareStatement("UPDATE inbox SET error = ? WHERE id = ?", statement -> {
            statement.setString(1, error);
            statement.setLong(2, row.id());
            return statement.executeUpdate();
        });
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
