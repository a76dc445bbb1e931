package dev.alfred.channel;

import java.util.List;

/** Contributes the channels of one platform, one per bot that declares it (disabled ones included, for health). */
@FunctionalInterface
public interface ChannelProvider {

    List<Channel> channels();
}
