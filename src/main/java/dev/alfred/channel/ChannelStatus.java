package dev.alfred.channel;

import io.micronaut.serde.annotation.Serdeable;

/** A channel's state for {@code /health}: UP, DOWN with the reason, or DISABLED when its secrets are unset. */
@Serdeable
public record ChannelStatus(State state, String detail) {

    public enum State {
        UP,
        DOWN,
        DISABLED
    }

    public static ChannelStatus up(String detail) {
        return new ChannelStatus(State.UP, detail);
    }

    public static ChannelStatus down(String reason) {
        return new ChannelStatus(State.DOWN, reason);
    }

    public static ChannelStatus disabled(String reason) {
        return new ChannelStatus(State.DISABLED, reason);
    }
}
