package dev.alfred.conversation;

import dev.alfred.channel.Outbound;
import dev.alfred.channel.Reply;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.UUID;

/**
 * Notifies a person in their direct chat with the bot they are linked to; with several linked
 * accounts, the one on whose channel their latest conversation started (else the one linked last).
 */
@Singleton
class DirectNotifier implements Notifier {

    private final JdbcOperations jdbc;
    private final OutboxStore outbox;

    DirectNotifier(JdbcOperations jdbc, OutboxStore outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    @Override
    public boolean notify(UUID tenantId, UUID userId, Reply reply) {
        return jdbc.prepareStatement("""
                SELECT account.bot, account.channel, account.platform_user_id
                FROM channel_account account
                LEFT JOIN LATERAL (
                    SELECT max(started_at) AS at FROM conversation
                    WHERE user_id = account.user_id AND bot = account.bot AND channel = account.channel) last ON true
                WHERE account.tenant_id = ? AND account.user_id = ?
                ORDER BY last.at DESC NULLS LAST, account.linked_at DESC
                LIMIT 1""", statement -> {
            statement.setObject(1, tenantId);
            statement.setObject(2, userId);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return false;
                }
                outbox.enqueue(
                        tenantId, row.getString(1), row.getString(2), Outbound.directChat(row.getString(3)), reply);
                return true;
            }
        });
    }
}
