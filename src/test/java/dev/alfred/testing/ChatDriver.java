package dev.alfred.testing;

import static org.awaitility.Awaitility.await;

import dev.alfred.channel.Inbound;
import dev.alfred.channel.InboundSink;
import dev.alfred.channel.Reply;
import dev.alfred.identity.Actor;
import dev.alfred.identity.ApiKeyService;
import dev.alfred.identity.Role;
import dev.alfred.identity.UserInput;
import dev.alfred.identity.UserService;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Talks to Alfred through the real inbox, dispatcher, router and outbox as people linked on the
 * {@link FakeChannel}, and reads what the fake channel delivered, for feature tests that go
 * through the chat.
 */
public final class ChatDriver {

    private final ApplicationContext context;

    public ChatDriver(ApplicationContext context) {
        this.context = context;
    }

    /** A fresh database, the fake channel without rate limits, fast polling, plus {@code extra} pairs. */
    public static Map<String, String> properties(String... extra) {
        String[] base = {
            "alfred.test.fake-channel", "true",
            "alfred.channels.fake.per-chat-rate", "0",
            "alfred.channels.fake.global-rate", "0",
            "alfred.outbox.poll", "50ms",
            "alfred.dispatcher.poll", "50ms"
        };
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return AlfredProperties.fresh(all);
    }

    /** A new user with {@code role} and time zone, linked on the fake channel as {@code platformUser}. */
    public Actor person(String platformUser, String name, Role role, String zone) {
        Actor owner = context.getBean(ApiKeyService.class)
                .authenticate(AlfredProperties.OWNER_KEY)
                .orElseThrow();
        Actor linked = LinkedUsers.link(context, FakeChannel.NAME, platformUser, name, role);
        context.getBean(UserService.class)
                .update(owner, linked.userId(), new UserInput(null, null, null, null, zone, null, null));
        return new Actor(linked.userId(), linked.tenantId(), name, role, zone);
    }

    /** Sends {@code text} as {@code platformUser} into {@code chat}; returns the event id. */
    public String send(String platformUser, String chat, Inbound.Kind kind, String text) {
        String eventId = UUID.randomUUID().toString();
        context.getBean(InboundSink.class)
                .accept(new Inbound(
                        "alfred",
                        FakeChannel.NAME,
                        eventId,
                        null,
                        chat,
                        platformUser,
                        platformUser,
                        kind,
                        text,
                        Map.of("event", eventId)));
        return eventId;
    }

    /** The replies delivered into {@code chat} so far, in order. */
    public List<Reply> replies(String chat) {
        return context.getBean(FakeChannel.class).delivered().stream()
                .filter(attempt -> !attempt.message().isDirect()
                        && attempt.message().chat().equals(chat))
                .map(attempt -> attempt.message().reply())
                .toList();
    }

    /** The reply number {@code index} (from 0) in {@code chat}, waiting for it. */
    public Reply reply(String chat, int index) {
        await().atMost(Duration.ofSeconds(20)).until(() -> replies(chat).size() > index);
        return replies(chat).get(index);
    }

    /** What reached {@code platformUser}'s direct chat so far, in order. */
    public List<Reply> direct(String platformUser) {
        return context.getBean(FakeChannel.class).delivered().stream()
                .filter(attempt -> attempt.message().isDirect()
                        && attempt.message().directUser().equals(platformUser))
                .map(attempt -> attempt.message().reply())
                .toList();
    }
}
