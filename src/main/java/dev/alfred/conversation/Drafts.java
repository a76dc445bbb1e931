package dev.alfred.conversation;

import dev.alfred.channel.Channel;
import dev.alfred.channel.Delivery;
import dev.alfred.channel.Inbound;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Answers that grow while they are written: a draft message shown and edited at most once per
 * {@code alfred.drafts.interval}, which the final reply then replaces. Drafts live on the instance
 * handling the event, between the handler and the outbox row of its reply.
 */
@Singleton
public class Drafts {

    // A provider: channels need the command catalogue, whose commands need the outbox, which needs this.
    private final Provider<Channels> channels;
    private final Clock clock;
    private final Duration interval;
    private final Map<String, String> shown = new ConcurrentHashMap<>();

    Drafts(Provider<Channels> channels, Clock clock, @Value("${alfred.drafts.interval:1s}") Duration interval) {
        this.channels = channels;
        this.clock = clock;
        this.interval = interval;
    }

    /** A draft for the reply to {@code event}, when its channel can edit messages. */
    public Optional<Draft> open(Inbound event) {
        return channels.get()
                .find(event.bot(), event.channel())
                .filter(channel -> channel.capabilities().edits())
                .map(channel -> new Draft(channel, event));
    }

    /** The reply address of the first reply to {@code event}: the event's own, plus the draft it replaces. */
    Map<String, String> replyAddress(Inbound event) {
        String draft = shown.remove(key(event));
        if (draft == null) {
            return event.replyAddress();
        }
        Map<String, String> address = new HashMap<>(event.replyAddress());
        address.put(Channel.DRAFT, draft);
        return address;
    }

    private static String key(Inbound event) {
        return event.bot() + "/" + event.channel() + "/" + event.eventId();
    }

    /** One growing answer. */
    public final class Draft {

        private final Channel channel;
        private final Inbound event;
        private @Nullable String id;
        private Instant last = Instant.MIN;

        private Draft(Channel channel, Inbound event) {
            this.channel = channel;
            this.event = event;
        }

        /** Shows {@code text} unless the last frame went out less than the interval ago; a failed frame is skipped. */
        public void show(String text) {
            Instant now = clock.instant();
            if (text.isBlank() || now.isBefore(last.plus(interval))) {
                return;
            }
            last = now;
            if (channel.draft(event, text, id) instanceof Delivery.Sent sent) {
                id = sent.messageId();
                shown.put(key(event), id);
            }
        }
    }
}
