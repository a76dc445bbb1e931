package dev.alfred.channel;

import java.time.Duration;

/** What happened when a channel tried to send an {@link Outbound}. */
public sealed interface Delivery {

    /** Delivered; {@code messageId} lets the message be edited later (empty if the platform has none). */
    record Sent(String messageId) implements Delivery {}

    /** The platform throttled us (HTTP 429): send again, not before {@code after}. */
    record RetryAfter(Duration after, String reason) implements Delivery {}

    /** Failed; a transient failure (5xx, timeout) is retried with backoff, a permanent one goes to dead letters. */
    record Failed(String reason, boolean permanent) implements Delivery {}
}
