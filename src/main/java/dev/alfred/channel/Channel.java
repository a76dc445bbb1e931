package dev.alfred.channel;

import org.jspecify.annotations.Nullable;

/**
 * One platform connection of one bot (e.g. the {@code alfred} bot on Telegram). Adapters create
 * one per bot whose {@code bot.yml} declares the platform and contribute them through a
 * {@link ChannelProvider}.
 */
public interface Channel {

    /** The reply-address key that names the draft a final reply replaces (see {@link #draft}). */
    String DRAFT = "draft";

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

    /**
     * Shows a reply to {@code event} that is still being written: sends it the first time
     * ({@code draftId} null) and edits that message afterwards; {@link Delivery.Sent} carries the
     * draft's message id. Best effort, outside the outbox (no retries), only on channels whose
     * capabilities say {@code edits}. The final reply names the draft under {@link #DRAFT} in its
     * reply address, and {@link #send} edits the draft into it instead of posting a second message.
     */
    default Delivery draft(Inbound event, String text, @Nullable String draftId) {
        return new Delivery.Failed("drafts are not supported", true);
    }
}
