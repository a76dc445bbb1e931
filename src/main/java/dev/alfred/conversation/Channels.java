package dev.alfred.conversation;

import dev.alfred.channel.Channel;
import dev.alfred.channel.ChannelProvider;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/** Every channel of every bot, from all adapters' {@link ChannelProvider}s. */
@Singleton
public class Channels {

    private final List<ChannelProvider> providers;

    Channels(List<ChannelProvider> providers) {
        this.providers = providers;
    }

    public List<Channel> all() {
        return providers.stream().flatMap(p -> p.channels().stream()).toList();
    }

    public Optional<Channel> find(String bot, String name) {
        return all().stream()
                .filter(c -> c.bot().equals(bot) && c.name().equals(name))
                .findFirst();
    }
}
