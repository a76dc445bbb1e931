package dev.alfred.conversation;

import dev.alfred.channel.Outbound;
import dev.alfred.channel.Reply;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Stores what the handled inbox rows of one or more lanes came to, in one statement: queues their replies and counts
 * them into each chat's outbox lane, marks the rows done and gives their inbox lanes up. Callers hold the transaction.
 */
@Singleton
class Answers {

    /** The replies to an inbox row, and the tenant it belongs to. */
    record Answer(InboxStore.Pending row, @Nullable UUID tenantId, List<Reply> replies) {}

    /**
     * The answers to a leased lane's rows, all of them; with {@code replies}, the chat's outbox lane to lease to its
     * owner for a hand-over.
     */
    record LaneAnswers(Lanes.Lane lane, List<Answer> answers, Lanes.@Nullable Lane replies) {}

    /** How finishing a lane's rows went: whether the lease still held, and whether rows arrived meanwhile. */
    enum Released {
        LEASE_LOST,
        EMPTY,
        MORE_WAITING
    }

    /** The outcome, and the replies to send after the commit if their lane was leased to the caller. */
    record Stored(Released released, Optional<OutboxStore.HandOver> handOver) {}

    private final JdbcOperations jdbc;
    private final OutboxStore outbox;
    private final Json json;

    Answers(JdbcOperations jdbc, OutboxStore outbox, Json json) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.json = json;
    }

    /**
     * Queues each lane's replies, marks its rows done and releases it; the outcomes come back in the order of
     * {@code lanes}. A lane with {@code replies} also has the chat's outbox lane leased to their owner for
     * {@code lease} when no other reply waits there and no worker holds it, so that the caller sends them right after
     * its commit without a claim. Workers skip a leased lane; should the caller die before sending, the lease runs
     * out and a worker sends them.
     *
     * <p>Several chats' inbox and outbox lanes are first locked in the order of their keys
     * ({@link Lanes#LOCK_IN_ORDER}).
     */
    List<Stored> store(List<LaneAnswers> lanes, Duration lease) {
        List<Queued> queued = new ArrayList<>();
        for (int lane = 0; lane < lanes.size(); lane++) {
            for (Answer answer : lanes.get(lane).answers()) {
                for (Outbound message : outbox.messages(answer.row().event(), answer.replies())) {
                    queued.add(new Queued(lane + 1, answer.row().id(), answer.tenantId(), message));
                }
            }
        }
        boolean several = lanes.size() > 1;
        return jdbc.prepareStatement((several ? Lanes.LOCK_IN_ORDER : "") + """
                WITH lanes AS (
                    SELECT * FROM unnest(?, ?, ?, ?, ?, ?) WITH ORDINALITY
                        AS l(bot, channel, chat, owner, answered, replies_owner, lane)),
                queued AS (
                    SELECT * FROM unnest(?, ?, ?, ?, ?) WITH ORDINALITY
                        AS q(lane, inbox_id, tenant_id, reply, reply_address, position)),
                stored AS (
                    INSERT INTO outbox (inbox_id, tenant_id, bot, channel, chat, reply, reply_address)
                    SELECT q.inbox_id, q.tenant_id, l.bot, l.channel, l.chat, CAST(q.reply AS jsonb),
                           CAST(q.reply_address AS jsonb)
                    FROM queued q JOIN lanes l USING (lane) ORDER BY q.position
                    RETURNING id, bot, channel, chat),
                counted AS (
                    INSERT INTO queue_lane AS ql (queue, bot, channel, chat, pending, lease_owner, lease_until)
                    SELECT 'outbox', l.bot, l.channel, l.chat, s.pending, l.replies_owner,
                           CASE WHEN l.replies_owner IS NOT NULL THEN now() + make_interval(secs => ?) END
                    FROM lanes l JOIN (
                        SELECT bot, channel, chat, count(*) AS pending FROM stored GROUP BY bot, channel, chat) s
                        USING (bot, channel, chat)
                    ORDER BY l.lane
                    ON CONFLICT (queue, bot, channel, chat) DO UPDATE SET
                        pending = ql.pending + excluded.pending,
                        lease_owner = CASE WHEN ql.pending = 0 AND (ql.lease_until IS NULL OR ql.lease_until < now())
                            THEN excluded.lease_owner ELSE ql.lease_owner END,
                        lease_until = CASE WHEN ql.pending = 0 AND (ql.lease_until IS NULL OR ql.lease_until < now())
                            THEN excluded.lease_until ELSE ql.lease_until END
                    RETURNING bot, channel, chat, lease_owner),
                finished AS (
                    UPDATE inbox SET status = 'done', processed_at = now(), error = NULL
                    WHERE id = ANY(?) AND status = 'pending'
                    RETURNING bot, channel, chat),
                released AS (
                    UPDATE queue_lane ql SET pending = ql.pending - l.answered, lease_owner = NULL, lease_until = NULL
                    FROM lanes l
                    WHERE ql.queue = 'inbox' AND ql.bot = l.bot AND ql.channel = l.channel AND ql.chat = l.chat
                      AND ql.lease_owner = l.owner
                      AND EXISTS (SELECT FROM finished f
                                  WHERE f.bot = l.bot AND f.channel = l.channel AND f.chat = l.chat)
                    RETURNING l.lane, ql.pending)
                SELECT r.pending, coalesce(c.lease_owner = l.replies_owner, false),
                       (SELECT array_agg(s.id ORDER BY s.id) FROM stored s
                        WHERE s.bot = l.bot AND s.channel = l.channel AND s.chat = l.chat)
                FROM lanes l LEFT JOIN released r USING (lane)
                     LEFT JOIN counted c ON c.bot = l.bot AND c.channel = l.channel AND c.chat = l.chat
                ORDER BY l.lane""", statement -> {
            List<Lanes.Lane> leased = lanes.stream().map(LaneAnswers::lane).toList();
            int first = several ? Lanes.bindLocked(statement, 1, withOutboxLanes(leased)) : 1;
            Lanes.bindColumn(statement, first, "text", leased, Lanes.Lane::bot);
            Lanes.bindColumn(statement, first + 1, "text", leased, Lanes.Lane::channel);
            Lanes.bindColumn(statement, first + 2, "text", leased, Lanes.Lane::chat);
            Lanes.bindColumn(statement, first + 3, "uuid", leased, Lanes.Lane::owner);
            Lanes.bindColumn(
                    statement, first + 4, "int4", lanes, l -> l.answers().size());
            Lanes.bindColumn(
                    statement,
                    first + 5,
                    "uuid",
                    lanes,
                    l -> l.replies() == null ? null : l.replies().owner());
            Lanes.bindColumn(statement, first + 6, "int4", queued, Queued::lane);
            Lanes.bindColumn(statement, first + 7, "bigint", queued, Queued::inboxId);
            Lanes.bindColumn(statement, first + 8, "uuid", queued, Queued::tenantId);
            Lanes.bindColumn(
                    statement,
                    first + 9,
                    "text",
                    queued,
                    q -> json.write(q.message().reply()));
            Lanes.bindColumn(
                    statement,
                    first + 10,
                    "text",
                    queued,
                    q -> json.write(q.message().replyAddress()));
            statement.setDouble(first + 11, lease.toMillis() / 1000.0);
            Lanes.bindColumn(
                    statement,
                    first + 12,
                    "bigint",
                    lanes.stream().flatMap(l -> l.answers().stream()).toList(),
                    a -> a.row().id());
            List<Stored> outcomes = new ArrayList<>();
            try (ResultSet result = Lanes.resultAfterLock(statement, several)) {
                for (int lane = 0; lane < lanes.size(); lane++) {
                    result.next();
                    outcomes.add(outcome(result, lanes.get(lane), lane + 1, queued));
                }
            }
            return outcomes;
        });
    }

    /** The inbox lanes and their chats' outbox lanes, to lock. */
    private static List<Lanes.Lane> withOutboxLanes(List<Lanes.Lane> inbox) {
        List<Lanes.Lane> both = new ArrayList<>(inbox);
        for (Lanes.Lane lane : inbox) {
            both.add(new Lanes.Lane(OutboxStore.QUEUE, lane.bot(), lane.channel(), lane.chat(), lane.owner()));
        }
        return both;
    }

    /** A lane's row of the result: its pending count (none if the lease was lost), its hand-over, its replies' ids. */
    private static Stored outcome(ResultSet result, LaneAnswers lane, int number, List<Queued> queued)
            throws SQLException {
        int pending = result.getInt(1);
        Released released =
                result.wasNull() ? Released.LEASE_LOST : pending > 0 ? Released.MORE_WAITING : Released.EMPTY;
        Array ids = result.getArray(3);
        if (lane.replies() == null || !result.getBoolean(2) || ids == null) {
            return new Stored(released, Optional.empty());
        }
        Iterator<Long> stored = Arrays.asList((Long[]) ids.getArray()).iterator();
        List<Outbound> messages = new ArrayList<>();
        for (Queued q : queued) {
            if (q.lane() == number) {
                Outbound message = q.message();
                messages.add(new Outbound(
                        stored.next(),
                        message.bot(),
                        message.channel(),
                        message.chat(),
                        message.reply(),
                        message.replyAddress(),
                        1));
            }
        }
        return new Stored(released, Optional.of(new OutboxStore.HandOver(lane.replies(), messages)));
    }

    /** A reply to store, the number of its lane in the statement, and the inbox row and tenant it belongs to. */
    private record Queued(int lane, long inboxId, @Nullable UUID tenantId, Outbound message) {}
}
