package dev.alfred.conversation;

import dev.alfred.channel.Outbound;
import dev.alfred.channel.Reply;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Stores what a lane's handled inbox rows came to, in one statement: queues their replies and counts them into the
 * chat's outbox lane, marks the rows done and gives their inbox lane up. Callers hold the transaction.
 */
@Singleton
class Answers {

    /** The replies to an inbox row, and the tenant it belongs to. */
    record Answer(InboxStore.Pending row, @Nullable UUID tenantId, List<Reply> replies) {}

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
     * Queues the answers' replies, marks their rows (all of {@code lane}) done and releases the lane. With
     * {@code replies}, the chat's outbox lane is also leased to its owner when no other reply waits there and no
     * worker holds it, so that the caller sends them right after its commit without a claim. Workers skip a leased
     * lane; should the caller die before sending, the {@code lease} runs out and a worker sends them.
     */
    Stored store(Lanes.Lane lane, List<Answer> answers, Lanes.@Nullable Lane replies, Duration lease) {
        List<Queued> queued = new ArrayList<>();
        for (Answer answer : answers) {
            for (Outbound message : outbox.messages(answer.row().event(), answer.replies())) {
                queued.add(new Queued(answer.row().id(), answer.tenantId(), message));
            }
        }
        return jdbc.prepareStatement("""
                WITH queued AS (
                    SELECT * FROM unnest(?, ?, ?, ?) WITH ORDINALITY
                        AS q(inbox_id, tenant_id, reply, reply_address, position)),
                stored AS (
                    INSERT INTO outbox (inbox_id, tenant_id, bot, channel, chat, reply, reply_address)
                    SELECT inbox_id, tenant_id, ?, ?, ?, CAST(reply AS jsonb), CAST(reply_address AS jsonb)
                    FROM queued ORDER BY position
                    RETURNING id),
                counted AS (
                    INSERT INTO queue_lane AS l (queue, bot, channel, chat, pending, lease_owner, lease_until)
                    SELECT 'outbox', ?, ?, ?, count(*), CAST(? AS uuid), now() + make_interval(secs => CAST(? AS float8))
                    FROM stored HAVING count(*) > 0
                    ON CONFLICT (queue, bot, channel, chat) DO UPDATE SET
                        pending = l.pending + excluded.pending,
                        lease_owner = CASE WHEN l.pending = 0 AND (l.lease_until IS NULL OR l.lease_until < now())
                            THEN excluded.lease_owner ELSE l.lease_owner END,
                        lease_until = CASE WHEN l.pending = 0 AND (l.lease_until IS NULL OR l.lease_until < now())
                            THEN excluded.lease_until ELSE l.lease_until END
                    RETURNING lease_owner),
                finished AS (
                    UPDATE inbox SET status = 'done', processed_at = now(), error = NULL
                    WHERE id = ANY(?) AND status = 'pending'
                    RETURNING id),
                released AS (
                    UPDATE queue_lane SET pending = pending - ?, lease_owner = NULL, lease_until = NULL
                    WHERE queue = ? AND bot = ? AND channel = ? AND chat = ? AND lease_owner = ?
                      AND EXISTS (SELECT FROM finished)
                    RETURNING pending)
                SELECT (SELECT pending FROM released), coalesce((SELECT lease_owner = CAST(? AS uuid) FROM counted), false),
                    (SELECT array_agg(id ORDER BY id) FROM stored)""", statement -> {
            Lanes.bindColumn(statement, 1, "bigint", queued, Queued::inboxId);
            Lanes.bindColumn(statement, 2, "uuid", queued, Queued::tenantId);
            Lanes.bindColumn(
                    statement, 3, "text", queued, q -> json.write(q.message().reply()));
            Lanes.bindColumn(
                    statement, 4, "text", queued, q -> json.write(q.message().replyAddress()));
            UUID owner = replies == null ? null : replies.owner();
            for (int first : new int[] {5, 8}) {
                statement.setString(first, lane.bot());
                statement.setString(first + 1, lane.channel());
                statement.setString(first + 2, lane.chat());
            }
            statement.setObject(11, owner);
            statement.setObject(12, owner == null ? null : lease.toMillis() / 1000.0);
            Lanes.bindColumn(statement, 13, "bigint", answers, a -> a.row().id());
            statement.setInt(14, answers.size());
            Lanes.bind(statement, 15, lane);
            statement.setObject(20, owner);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                int pending = result.getInt(1);
                Released released =
                        result.wasNull() ? Released.LEASE_LOST : pending > 0 ? Released.MORE_WAITING : Released.EMPTY;
                Array ids = result.getArray(3);
                if (replies == null || !result.getBoolean(2) || ids == null) {
                    return new Stored(released, Optional.empty());
                }
                List<Long> stored = Arrays.asList((Long[]) ids.getArray());
                List<Outbound> messages = new ArrayList<>();
                for (int i = 0; i < queued.size(); i++) {
                    Outbound message = queued.get(i).message();
                    messages.add(new Outbound(
                            stored.get(i),
                            message.bot(),
                            message.channel(),
                            message.chat(),
                            message.reply(),
                            message.replyAddress(),
                            1));
                }
                return new Stored(released, Optional.of(new OutboxStore.HandOver(replies, messages)));
            }
        });
    }

    /** A reply to store, and the inbox row and tenant it belongs to. */
    private record Queued(long inboxId, @Nullable UUID tenantId, Outbound message) {}
}
