package dev.alfred.channel;

import org.jspecify.annotations.Nullable;

/**
 * One platform connection of one bot (e.g. the {@code alfred} bot on Telegram). Adapters create
 * one per bot whose {@code bot.yml} declares the platform and contribute them through a
 * {@link ChannelProvider}.
 */
public interface Channel {

    /**
     * The {@link Outbound#replyAddress()} key that holds the platform message id of a draft (see
     * {@link #draft}): {@link #send} then edits that message into the final reply instead of posting a
     * new one, and posts a new one if the edit fails for good (the draft was deleted or is too old).
     */
    String DRAFT = "draft";

    /** The bot's folder name. */
    String bot();

    /** The platform: {@code slack}, {@code telegram}, {@code discord} or {@code console}. */
    String name();

    ChannelCapabilities capabilities();

    /** Renders and sends one reply. Must not throw for platform errors: report them as a {@link Delivery}. */
    Delivery send(Outbound message);

    ChannelStatus status();

    /**
     * Whether {@code chat} is a group chat, which a platform may limit more tightly than a private
     * one (Telegram: 20 messages a minute to the same group).
     */
    default boolean isGroupChat(String chat) {
        return false;
    }

    /** Shows that work on {@code event} has started (typing indicator); channels without one do nothing. */
    default void showProgress(Inbound event) {}

    /**
     * Shows a reply that is still being written: sends it the first time ({@code draftId} null) and edits that
     * message afterwards. Returns the draft's platform message id in Delivery.Sent. Best effort: called outside
     * the outbox (no retries), only on channels whose capabilities say {@code edits}.
     */
    default Delivery draft(Inbound event, String text, @Nullable String draftId) {
        return new Delivery.Failed("drafts are not supported", true);
    }
}
