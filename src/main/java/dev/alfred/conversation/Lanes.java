package dev.alfred.conversation;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The lanes of the inbox and outbox queues: one per (bot, channel, chat) with pending rows. A
 * worker leases a lane and handles its rows in order; a crashed worker's lease expires and any
 * instance takes the lane over. Callers hold the transaction.
 */
@Singleton
class Lanes {

    /**
     * For a claim, or another single round trip, that commits on its own: without a transaction around it, pgjdbc
     * sends its statements and one sync, and PostgreSQL runs them as one implicit transaction that it commits at the
     * sync, so the commit costs no round trip of its own.
     */
    static final TransactionDefinition ON_ITS_OWN =
            TransactionDefinition.of(TransactionDefinition.Propagation.NOT_SUPPORTED);

    /** A leased lane of {@code queue}; {@code owner} proves the lease. */
    record Lane(String queue, String bot, String channel, String chat, UUID owner) {}

    private final JdbcOperations jdbc;

    Lanes(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Reads one row that a claim took up. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /**
     * Leases up to {@code limit} lanes of the queue that have pending rows and no live lease, those served longest
     * ago first, so that under load every chat gets its turn; then takes up their rows with {@code rows}, a
     * statement that finds the leased lanes by {@code lane.lease_owner = ?} (its second parameter, after its limit
     * per lane) and returns each row's {@code bot}, {@code channel} and {@code chat}. Every leased lane is in the
     * result, in lease order, those without rows (their count drifted: recount them) too.
     *
     * <p>Both statements reach the server in one round trip, yet run one after the other, so that the second one's
     * snapshot has every row another worker finished before giving a lane up. Run {@link #ON_ITS_OWN}, the claim
     * commits in that same round trip. It commits without waiting for its write-ahead log to be flushed
     * ({@code set_config}, as {@code SET LOCAL} needs an explicit transaction): it changes only leases and attempt
     * counts, and a lease that a database crash undoes is one that ran out. The next synchronous commit flushes it
     * anyway.
     */
    <T> Map<Lane, List<T>> claim(
            String queue, int limit, Duration lease, String rows, int rowsPerLane, RowReader<T> reader) {
        UUID owner = UUID.randomUUID();
        return jdbc.prepareStatement("""
                SELECT set_config('synchronous_commit', 'off', true);
                UPDATE queue_lane SET lease_until = now() + make_interval(secs => ?), lease_owner = ?, served_at = now()
                WHERE (queue, bot, channel, chat) IN (
                    SELECT queue, bot, channel, chat FROM queue_lane
                    WHERE queue = ? AND pending > 0 AND (lease_until IS NULL OR lease_until < now())
                    ORDER BY served_at NULLS FIRST
                    LIMIT ?
                    FOR UPDATE SKIP LOCKED)
                RETURNING bot, channel, chat;
                """ + rows, statement -> {
            statement.setDouble(1, seconds(lease));
            statement.setObject(2, owner);
            statement.setString(3, queue);
            statement.setInt(4, limit);
            statement.setInt(5, rowsPerLane);
            statement.setObject(6, owner);
            statement.execute();
            statement.getMoreResults();
            Map<Lane, List<T>> claimed = new LinkedHashMap<>();
            try (ResultSet leased = statement.getResultSet()) {
                while (leased.next()) {
                    claimed.put(
                            new Lane(queue, leased.getString(1), leased.getString(2), leased.getString(3), owner),
                            new ArrayList<>());
                }
            }
            statement.getMoreResults();
            try (ResultSet taken = statement.getResultSet()) {
                while (taken.next()) {
                    Lane lane = new Lane(
                            queue, taken.getString("bot"), taken.getString("channel"), taken.getString("chat"), owner);
                    claimed.get(lane).add(reader.read(taken));
                }
            }
            return claimed;
        });
    }

    /**
     * Binds one column of {@code rows} as a PostgreSQL array of {@code type} at {@code index}, so that a statement
     * reads every row at once through {@code unnest}.
     */
    static <T> void bindColumn(PreparedStatement statement, int index, String type, List<T> rows, Function<T, ?> column)
            throws SQLException {
        statement.setArray(
                index,
                statement
                        .getConnection()
                        .createArrayOf(type, rows.stream().map(column).toArray()));
    }

    /**
     * Locks lanes in the order of their keys, ahead of a statement that changes several of them: on its own, that
     * statement would lock them in whatever order its plan visits them, and two transactions that each hold several
     * lanes could wait for each other in a circle. The inbox writer's upsert takes its lanes in this order too.
     * {@link #bindLocked} binds its parameters; {@link #resultAfterLock} runs the pair.
     */
    static final String LOCK_IN_ORDER = """
            SELECT FROM queue_lane
            WHERE (queue, bot, channel, chat) IN (SELECT * FROM unnest(?, ?, ?, ?))
            ORDER BY queue, bot, channel, chat
            FOR UPDATE;
            """;

    /** Binds the keys of the lanes to lock to {@link #LOCK_IN_ORDER}, from {@code first} on; the next index. */
    static int bindLocked(PreparedStatement statement, int first, List<Lane> lanes) throws SQLException {
        bindColumn(statement, first, "text", lanes, Lane::queue);
        bindColumn(statement, first + 1, "text", lanes, Lane::bot);
        bindColumn(statement, first + 2, "text", lanes, Lane::channel);
        bindColumn(statement, first + 3, "text", lanes, Lane::chat);
        return first + 4;
    }

    /** Runs the statement, after {@link #LOCK_IN_ORDER} if {@code locked}, and gives the statement's result. */
    static ResultSet resultAfterLock(PreparedStatement statement, boolean locked) throws SQLException {
        statement.execute();
        if (locked) {
            statement.getMoreResults();
        }
        return statement.getResultSet();
    }

    /** Counts a new pending row into its lane, creating the lane if needed. */
    void add(String queue, String bot, String channel, String chat) {
        jdbc.prepareStatement("""
                INSERT INTO queue_lane (queue, bot, channel, chat, pending) VALUES (?, ?, ?, ?, 1)
                ON CONFLICT (queue, bot, channel, chat) DO UPDATE SET pending = queue_lane.pending + 1""", statement -> {
            statement.setString(1, queue);
            statement.setString(2, bot);
            statement.setString(3, channel);
            statement.setString(4, chat);
            return statement.executeUpdate();
        });
    }

    /**
     * Deletes the lanes with nothing pending and no lease or pause; the next row of such a chat creates its lane
     * again. Safe beside every other writer: they create lanes with an upsert, and change only lanes they lease.
     */
    int forgetIdle() {
        return jdbc.prepareStatement("""
                DELETE FROM queue_lane
                WHERE pending = 0 AND lease_owner IS NULL AND (lease_until IS NULL OR lease_until < now())""", PreparedStatement::executeUpdate);
    }

    /** Counts {@code finished} of the lane's rows as done and keeps its lease; false if the lease was lost. */
    boolean keep(Lane lane, int finished) {
        return jdbc.prepareStatement(
                        "UPDATE queue_lane SET pending = pending - ?"
                                + " WHERE queue = ? AND bot = ? AND channel = ? AND chat = ? AND lease_owner = ?",
                        statement -> {
                            statement.setInt(1, finished);
                            bind(statement, 2, lane);
                            return statement.executeUpdate();
                        })
                == 1;
    }

    /**
     * Counts {@code finished} of the lane's rows as done and gives the lane up, to be taken again
     * after {@code pause} ({@code null}: at once); false if the lease was lost to another worker.
     */
    boolean settle(Lane lane, int finished, @Nullable Duration pause) {
        return jdbc.prepareStatement("""
                UPDATE queue_lane SET pending = pending - ?, lease_owner = NULL,
                    lease_until = CASE WHEN CAST(? AS float8) IS NULL THEN NULL ELSE now() + make_interval(secs => ?) END
                WHERE queue = ? AND bot = ? AND channel = ? AND chat = ? AND lease_owner = ?""", statement -> {
            statement.setInt(1, finished);
            if (pause == null) {
                statement.setNull(2, Types.DOUBLE);
                statement.setNull(3, Types.DOUBLE);
            } else {
                statement.setDouble(2, seconds(pause));
                statement.setDouble(3, seconds(pause));
            }
            bind(statement, 4, lane);
            return statement.executeUpdate() == 1;
        });
    }

    /** Sets the lane's count to its real number of pending rows, should it ever have drifted, and releases it. */
    void recount(Lane lane, String table) {
        jdbc.prepareStatement(
                ("UPDATE queue_lane l SET lease_until = NULL, lease_owner = NULL, pending = (SELECT count(*) FROM %s t"
                                + " WHERE t.status = 'pending' AND t.bot = l.bot AND t.channel = l.channel"
                                + " AND t.chat = l.chat) WHERE queue = ? AND bot = ? AND channel = ? AND chat = ?"
                                + " AND lease_owner = ?")
                        .formatted(table),
                statement -> {
                    bind(statement, 1, lane);
                    return statement.executeUpdate();
                });
    }

    /** Binds the lane's queue, bot, channel, chat and lease owner, in that order, from {@code first} on. */
    static void bind(PreparedStatement statement, int first, Lane lane) throws SQLException {
        statement.setString(first, lane.queue());
        statement.setString(first + 1, lane.bot());
        statement.setString(first + 2, lane.channel());
        statement.setString(first + 3, lane.chat());
        statement.setObject(first + 4, lane.owner());
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
