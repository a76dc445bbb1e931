package dev.alfred.identity;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/** A platform account (a Slack, Telegram or Discord user of one bot) linked to a user. */
@Serdeable
@MappedEntity("channel_account")
public record ChannelAccount(
        @Id UUID id, UUID tenantId, UUID userId, String bot, String channel, String platformUserId, Instant linkedAt) {}
