package dev.alfred.channel.telegram;

import dev.alfred.bot.Bot;
import dev.alfred.bot.BotRegistry;
import dev.alfred.channel.Channel;
import dev.alfred.channel.ChannelProvider;
import dev.alfred.channel.InboundSink;
import dev.alfred.conversation.CommandCatalogue;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Telegram channels: one per bot whose {@code bot.yml} declares {@code telegram}, disabled (with
 * one log line naming the variable to set) when its bot token is unset. They start receiving once
 * the service has started and stop, with every thread and connection they opened, at shutdown.
 */
@Singleton
class TelegramChannels implements ChannelProvider {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramChannels.class);

    private final List<Channel> channels = new ArrayList<>();
    private final List<TelegramChannel> running = new ArrayList<>();

    TelegramChannels(
            BotRegistry bots,
            InboundSink sink,
            CommandCatalogue catalogue,
            DataSource dataSource,
            @Value("${alfred.telegram.api-url:`https://api.telegram.org`}") String apiUrl,
            @Value("${alfred.telegram.poll-timeout:50s}") Duration pollTimeout,
            @Value("${alfred.telegram.lock-retry:5s}") Duration lockRetry,
            @Value("${alfred.telegram.start-retry:10s}") Duration startRetry) {
        TelegramSettings settings =
                new TelegramSettings(TelegramSettings.apiUrl(apiUrl), pollTimeout, lockRetry, startRetry);
        // the lock needs a connection of its own, not the one bound to the current transaction
        DataSource plain = DelegatingDataSource.unwrapDataSource(dataSource);
        for (Bot bot : bots.all()) {
            if (!bot.declares(UpdateNormaliser.CHANNEL)) {
                continue;
            }
            Optional<String> token = bot.secret(UpdateNormaliser.CHANNEL, "bot-token");
            if (token.isEmpty()) {
                String variable = bot.variable(UpdateNormaliser.CHANNEL, "bot-token");
                LOG.info("Telegram is disabled for bot {}: set {} to enable it", bot.id(), variable);
                channels.add(new DisabledChannel(bot.id(), "set " + variable + " to enable Telegram"));
                continue;
            }
            TelegramChannel channel = new TelegramChannel(
                    bot.id(),
                    token.get(),
                    new TelegramChannel.Receiving(
                            bot.secret(UpdateNormaliser.CHANNEL, "webhook-secret")
                                    .orElse(null),
                            bot.secret(UpdateNormaliser.CHANNEL, "webhook-url").orElse(null)),
                    settings,
                    catalogue.specs(),
                    sink,
                    plain);
            channels.add(channel);
            running.add(channel);
        }
    }

    @Override
    public List<Channel> channels() {
        return List.copyOf(channels);
    }

    /** The enabled channel of this bot, if there is one. */
    Optional<TelegramChannel> find(String bot) {
        return running.stream().filter(c -> c.bot().equals(bot)).findFirst();
    }

    @EventListener
    void start(StartupEvent event) {
        running.forEach(TelegramChannel::start);
    }

    @PreDestroy
    void stop() {
        running.forEach(TelegramChannel::stop);
    }
}
