package dev.alfred.assistant;

import static dev.alfred.testing.AlfredProperties.OWNER_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.alfred.channel.Inbound;
import dev.alfred.channel.Outbound;
import dev.alfred.identity.Actor;
import dev.alfred.identity.Role;
import dev.alfred.testing.ApiClient;
import dev.alfred.testing.ChatDriver;
import dev.alfred.testing.FakeChannel;
import dev.alfred.testing.LinkedUsers;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Talks to the assistant as linked people through the real inbox, dispatcher and outbox and the
 * fake channel, and sets the tenant's assistant settings, for the assistant's end-to-end tests.
 */
final class AssistantChat {

    private final ApplicationContext context;
    private final Map<UUID, String> platformUsers = new ConcurrentHashMap<>();

    AssistantChat(ApplicationContext context) {
        this.context = context;
    }

    /** {@link ChatDriver#properties} plus every provider pointed at {@code models}, and {@code extra} pairs. */
    static Map<String, String> properties(FakeModelServer models, String... extra) {
        String[] providers = {
            "alfred.assistant.openai.base-url",
            models.url() + "/v1",
            "alfred.assistant.openai.api-key",
            "test-openai-key",
            "alfred.assistant.anthropic.base-url",
            models.url(),
            "alfred.assistant.anthropic.api-key",
            "test-anthropic-key",
            "alfred.assistant.ollama.base-url",
            models.url(),
            "alfred.assistant.backoff",
            "10ms"
        };
        String[] all = new String[providers.length + extra.length];
        System.arraycopy(providers, 0, all, 0, providers.length);
        System.arraycopy(extra, 0, all, providers.length, extra.length);
        return ChatDriver.properties(all);
    }

    /** A new user with {@code role} in Berlin, linked on the fake channel. */
    Actor person(String name, Role role) {
        String platformUser = "p-" + UUID.randomUUID();
        Actor actor = new ChatDriver(context).person(platformUser, name, role, "Europe/Berlin");
        platformUsers.put(actor.userId(), platformUser);
        return actor;
    }

    /** The default tenant's ceo, linked on the fake channel. */
    Actor owner() {
        String platformUser = "owner-" + UUID.randomUUID();
        Actor actor = LinkedUsers.linkOwner(context, FakeChannel.NAME, platformUser);
        platformUsers.put(actor.userId(), platformUser);
        return actor;
    }

    String platformUser(Actor actor) {
        return platformUsers.get(actor.userId());
    }

    Outbound ask(Actor actor, String text) {
        return ask(actor, "chat-" + UUID.randomUUID(), text);
    }

    /** Sends {@code text} (a command when it starts with {@code /}) and waits for the reply to it. */
    Outbound ask(Actor actor, String chat, String text) {
        Inbound.Kind kind = text.startsWith("/") ? Inbound.Kind.COMMAND : Inbound.Kind.TEXT;
        String eventId = new ChatDriver(context).send(platformUser(actor), chat, kind, text);
        FakeChannel channel = context.getBean(FakeChannel.class);
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> channel.delivered().stream()
                                .map(FakeChannel.Attempt::message)
                                .filter(message ->
                                        eventId.equals(message.replyAddress().get("event")))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    /** Replaces the default tenant's assistant settings. */
    void settings(String json) {
        ApiClient.Response response = api().put("/api/v1/assistant/settings", OWNER_KEY, json);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    ApiClient api() {
        return new ApiClient(context.getBean(EmbeddedServer.class).getURI());
    }
}
