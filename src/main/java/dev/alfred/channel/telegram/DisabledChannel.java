package dev.alfred.channel.telegram;

import dev.alfred.channel.Channel;
import dev.alfred.channel.ChannelCapabilities;
import dev.alfred.channel.ChannelStatus;
import dev.alfred.channel.Delivery;
import dev.alfred.channel.Outbound;

/** A bot that declares Telegram without a bot token: listed for {@code /health}, sends nothing. */
record DisabledChannel(String bot, String reason) implements Channel {

    private static final ChannelCapabilities NONE = new ChannelCapabilities(false, false, false, false, false, 0);

    @Override
    public String name() {
        return UpdateNormaliser.CHANNEL;
    }

    @Override
    public ChannelCapabilities capabilities() {
        return NONE;
    }

    @Override
    public Delivery send(Outbound message) {
        return new Delivery.Failed(reason, true);
    }

    @Override
    public ChannelStatus status() {
        return ChannelStatus.disabled(reason);
    }
}
