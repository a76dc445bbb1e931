package dev.alfred.channel;

/** Where adapters put what they receive. It returns only after the event is stored durably. */
@FunctionalInterface
public interface InboundSink {

    /**
     * Stores the event unless the same (bot, channel, event id) is stored already.
     *
     * @return {@code true} if it was new, {@code false} for a duplicate delivery; either way the
     *     platform may now be acknowledged
     */
    boolean accept(Inbound event);
}
