package dev.alfred.channel;

/**
 * One platform connection of one bot (e.g. the {@code alfred} bot on Telegram). Adapters create
 * one per bot whose {@code bot.yml} declares the platform and contribute them through a
 * {@link ChannelProvider}.
 */
public interface Channel {

    /** The bot's folder name. */
    String bot();

    /** The platform: {@code slack}, {@code telegram}, {@code discord} or {@code console}. */
    String name();

    ChannelCapabilities capabilities();

    /** Renders and sends one reply. Must not throw for platform errors: report them as a {@link Delivery}. */
    Delivery send(Outbound message);

    ChannelStatus status();

    /** Shows that work on {@code event} has started (typing indicator); channels without one do nothing. */
    default void showProgress(Inbound event) {}
}
