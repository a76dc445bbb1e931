package dev.alfred.channel.discord;

import dev.alfred.bot.BotRegistry;
import dev.alfred.channel.Channel;
import dev.alfred.channel.ChannelProvider;
import dev.alfred.channel.InboundSink;
import dev.alfred.conversation.CommandCatalogue;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Discord channels of every bot that declares {@code discord}: started in the background at
 * application start (one virtual thread per bot and shard, bounded by {@code alfred.discord.ready-timeout}),
 * stopped with the application.
 */
@Singleton
class DiscordChannels implements ChannelProvider {

    private static final Logger LOG = LoggerFactory.getLogger(DiscordChannels.class);

    private final List<DiscordBot> bots;
    private final InboundSink inbox;
    private final CommandCatalogue catalogue;
    private final List<Thread> starting = new ArrayList<>();

    DiscordChannels(BotRegistry registry, DiscordSettings settings, InboundSink inbox, CommandCatalogue catalogue) {
        this.bots = registry.all().stream()
                .filter(bot -> bot.declares(DiscordInbound.CHANNEL))
                .map(bot -> new DiscordBot(bot, settings))
                .toList();
        this.inbox = inbox;
        this.catalogue = catalogue;
    }

    @Override
    public List<Channel> channels() {
        return List.copyOf(bots);
    }

    /** The channel of {@code bot}, if it declares Discord. */
    Optional<DiscordBot> find(String bot) {
        return bots.stream().filter(b -> b.bot().equals(bot)).findFirst();
    }

    @EventListener
    synchronized void start(StartupEvent event) {
        for (DiscordBot bot : bots) {
            if (!bot.enabled()) {
                LOG.info("Discord is disabled for bot {}: set {} to enable it", bot.bot(), bot.tokenVariable());
                continue;
            }
            starting.add(
                    Thread.ofVirtual().name("discord-start-" + bot.bot()).start(bot.start(inbox, catalogue.specs())));
        }
    }

    @PreDestroy
    synchronized void stop() throws InterruptedException {
        for (Thread thread : starting) {
            thread.interrupt();
            thread.join(Duration.ofSeconds(5));
        }
        starting.clear();
        for (DiscordBot bot : bots) {
            bot.stop();
        }
    }
}
