package dev.alfred.channel;

import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One event from a platform, normalised: which bot and channel received it, the platform's own
 * event id (the inbox's de-duplication key), the workspace or guild, the chat to answer in, who
 * sent it, and what they sent. {@code replyAddress} carries what the adapter needs to answer
 * later (a Slack {@code response_url}, a Discord interaction token, a Telegram callback id).
 */
@Serdeable
public record Inbound(
        String bot,
        String channel,
        String eventId,
        @Nullable String workspace,
        String chat,
        String platformUserId,
        @Nullable String userName,
        Kind kind,
        String text,
        Map<String, String> replyAddress) {

    /** What arrived: a slash command ({@code text} = {@code "task Call Acme"}), free text, or a button press. */
    public enum Kind {
        COMMAND,
        TEXT,
        BUTTON
    }

    public Inbound {
        replyAddress = Map.copyOf(replyAddress);
    }
}
