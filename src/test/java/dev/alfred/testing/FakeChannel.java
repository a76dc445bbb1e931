package dev.alfred.testing;

import dev.alfred.channel.Channel;
import dev.alfred.channel.ChannelCapabilities;
import dev.alfred.channel.ChannelProvider;
import dev.alfred.channel.ChannelStatus;
import dev.alfred.channel.Delivery;
import dev.alfred.channel.Inbound;
import dev.alfred.channel.Outbound;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * An in-memory channel {@code fake} for the bot {@code alfred}, for tests of the conversation core:
 * it records every send attempt and answers with scripted outcomes (sent, throttled, failed).
 * Active with {@code alfred.test.fake-channel=true}.
 */
@Singleton
@Requires(property = "alfred.test.fake-channel", value = "true")
public class FakeChannel implements ChannelProvider, Channel {

    public static final String NAME = "fake";

    /** One send attempt as the fake saw it. */
    public record Attempt(Outbound message, Instant at, Delivery outcome) {}

    public record DraftFrame(String eventId, String draftId, String text) {}

    private final List<DraftFrame> drafts = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean edits;

    private final List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentLinkedQueue<Function<Outbound, Delivery>> script = new ConcurrentLinkedQueue<>();
    private volatile Function<Outbound, Delivery> otherwise = message -> new Delivery.Sent("m" + message.id());

    /** The next sends answer with these outcomes, in order; after that, {@link #otherwise}. */
    public void script(Delivery... outcomes) {
        for (Delivery outcome : outcomes) {
            script.add(message -> outcome);
        }
    }

    public void otherwise(Function<Outbound, Delivery> outcome) {
        this.otherwise = outcome;
    }

    public List<Attempt> attempts() {
        synchronized (attempts) {
            return List.copyOf(attempts);
        }
    }

    /** The attempts that delivered. */
    public List<Attempt> delivered() {
        return attempts().stream()
                .filter(a -> a.outcome() instanceof Delivery.Sent)
                .toList();
    }

    /** The texts of the replies delivered to {@code chat}, in order. */
    public List<String> deliveredTexts(String chat) {
        return delivered().stream()
                .filter(a -> a.message().chat().equals(chat))
                .map(a -> a.message().reply().text())
                .toList();
    }

    public void reset() {
        attempts.clear();
        drafts.clear();
        edits = false;
        script.clear();
        otherwise = message -> new Delivery.Sent("m" + message.id());
    }

    @Override
    public List<Channel> channels() {
        return List.of(this);
    }

    @Override
    public String bot() {
        return "alfred";
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ChannelCapabilities capabilities() {
        return new ChannelCapabilities(edits, true, true, true, false, 4096);
    }

    @Override
    public Delivery send(Outbound message) {
        Function<Outbound, Delivery> next = script.poll();
        Delivery outcome = (next == null ? otherwise : next).apply(message);
        attempts.add(new Attempt(message, Instant.now(), outcome));
        return outcome;
    }

    /** Records each draft frame; the first one gets the id {@code d<event id>}. */
    @Override
    public Delivery draft(Inbound event, String text, @Nullable String draftId) {
        String id = draftId == null ? "d" + event.eventId() : draftId;
        drafts.add(new DraftFrame(event.eventId(), id, text));
        return new Delivery.Sent(id);
    }

    /** Whether the channel says it can edit messages (then the assistant streams into drafts); off after a reset. */
    public void edits(boolean edits) {
        this.edits = edits;
    }

    /** The draft frames shown for answers still being written, in order. */
    public List<DraftFrame> drafts() {
        return List.copyOf(drafts);
    }

    /** Chats named {@code group-…} stand for group chats. */
    @Override
    public boolean isGroupChat(String chat) {
        return chat.startsWith("group-");
    }

    @Override
    public ChannelStatus status() {
        return ChannelStatus.up("fake");
    }
}
