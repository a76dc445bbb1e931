package dev.alfred.identity;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ChannelAccountRepository extends CrudRepository<ChannelAccount, UUID> {

    Optional<ChannelAccount> findByBotAndChannelAndPlatformUserId(String bot, String channel, String platformUserId);

    Optional<ChannelAccount> findByUserIdAndBotAndChannel(UUID userId, String bot, String channel);
}
