package dev.alfred.channel.discord;

import dev.alfred.channel.Inbound;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Normalises what arrived from Discord, over the gateway or the HTTP endpoint alike, into an
 * {@link Inbound}: the event id is the interaction or message id, the workspace the guild (null in
 * DMs), the chat the channel. The reply address keeps what answering needs later.
 */
final class DiscordInbound {

    static final String CHANNEL = "discord";

    /** The interaction token: the reply edits the deferred response through the interaction's webhook. */
    static final String TOKEN = "interaction-token";

    /** When the interaction was created (epoch millis): its token lives 15 minutes. */
    static final String CREATED = "interaction-created";

    /** The user, to open a DM channel when the chat is not cached. */
    static final String USER = "user";

    /** The guild, absent in DMs. */
    static final String GUILD = "guild";

    private DiscordInbound() {}

    /** Who and where: the same for every kind of event. */
    record Origin(
            String bot,
            @Nullable String guild,
            String channel,
            String userId,
            @Nullable String userName) {}

    static Inbound interaction(
            Origin origin, String interactionId, Inbound.Kind kind, String text, String token, Instant created) {
        Map<String, String> address = address(origin);
        address.put(TOKEN, token);
        address.put(CREATED, Long.toString(created.toEpochMilli()));
        return inbound(origin, interactionId, kind, text, address);
    }

    static Inbound message(Origin origin, String messageId, String text) {
        return inbound(origin, messageId, Inbound.Kind.TEXT, text, address(origin));
    }

    /** A slash command's text: its name, then its option values, e.g. {@code link ABC123}. */
    static String commandText(String name, Iterable<String> optionValues) {
        StringBuilder text = new StringBuilder(name);
        optionValues.forEach(value -> {
            if (!value.isBlank()) {
                text.append(' ').append(value.strip());
            }
        });
        return text.toString();
    }

    private static Map<String, String> address(Origin origin) {
        Map<String, String> address = new HashMap<>();
        address.put(USER, origin.userId());
        if (origin.guild() != null) {
            address.put(GUILD, origin.guild());
        }
        return address;
    }

    private static Inbound inbound(
            Origin origin, String eventId, Inbound.Kind kind, String text, Map<String, String> address) {
        return new Inbound(
                origin.bot(),
                CHANNEL,
                eventId,
                origin.guild(),
                origin.channel(),
                origin.userId(),
                origin.userName(),
                kind,
                text,
                address);
    }
}
