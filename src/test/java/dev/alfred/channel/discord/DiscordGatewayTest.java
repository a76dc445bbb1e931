package dev.alfred.channel.discord;

import static dev.alfred.testing.AlfredProperties.OWNER_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.alfred.channel.ChannelStatus;
import dev.alfred.testing.AlfredProperties;
import dev.alfred.testing.ApiClient;
import dev.alfred.testing.Users;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Discord channel end to end through JDA against the fake gateway and REST API: slash commands,
 * messages, buttons, linking, duplicates, rate limits and server errors, with the embedded database.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordGatewayTest implements TestPropertyProvider {

    static final Duration WAIT = Duration.ofSeconds(20);

    final FakeDiscord discord = new FakeDiscord();
    Map<String, String> properties;

    @Inject
    EmbeddedServer server;

    @Inject
    DiscordChannels channels;

    ApiClient api;
    InboxRows inbox;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> all = new HashMap<>(discord.properties());
        all.put("alfred.outbox.backoff", "200ms");
        properties = AlfredProperties.fresh(all.entrySet().stream()
                .flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
                .toArray(String[]::new));
        return properties;
    }

    @BeforeAll
    void connect() {
        api = new ApiClient(server.getURI());
        inbox = new InboxRows(properties);
        await().atMost(WAIT).until(() -> bot().status().state() == ChannelStatus.State.UP);
    }

    @AfterAll
    void closeFake() {
        discord.close();
    }

    DiscordBot bot() {
        return channels.find("alfred").orElseThrow();
    }

    /** The body of the edit that answered {@code interaction}, once it arrived. */
    String reply(FakeDiscord.Interaction interaction) {
        String path = "webhooks/" + Fixtures.BOT_ID + "/" + interaction.token() + "/messages/@original";
        return await().atMost(WAIT)
                .until(
                        () -> discord.rest.calls("PATCH", java.util.regex.Pattern.quote(path)),
                        calls -> !calls.isEmpty())
                .getFirst()
                .body();
    }

    FakeDiscord.Person linkedPerson() {
        FakeDiscord.Person person = FakeDiscord.Person.create();
        Users.Created user = Users.of(api, OWNER_KEY).name(person.name()).create();
        String code = api.post("/api/v1/users/" + user.id() + "/link-codes", OWNER_KEY, "")
                .get("code");
        assertThat(reply(discord.slashCommand(person, "link", "code", code))).contains("Welcome");
        return person;
    }

    @Test
    void the_channel_is_up_and_registered_the_catalogue_as_slash_commands() {
        assertThat(bot().status().detail()).contains("connected as alfred");
        List<FakeDiscordRest.Call> registered =
                discord.rest.calls("PUT", "applications/" + Fixtures.BOT_ID + "/commands");
        assertThat(registered).isNotEmpty();
        assertThat(registered.getFirst().authorization()).isEqualTo("Bot fake-bot-token");
        assertThat(registered.getFirst().body())
                .contains("\"name\":\"link\"")
                .contains("\"name\":\"code\"")
                .contains("\"name\":\"whoami\"");
    }

    @Test
    void an_unlinked_user_gets_link_instructions_and_link_links_them() {
        FakeDiscord.Person person = FakeDiscord.Person.create();
        FakeDiscord.Interaction whoami = discord.slashCommand(person, "whoami", null, null);
        assertThat(reply(whoami)).contains("/link CODE");

        Users.Created user = Users.of(api, OWNER_KEY).name("Dana Discord").create();
        String code = api.post("/api/v1/users/" + user.id() + "/link-codes", OWNER_KEY, "")
                .get("code");
        assertThat(reply(discord.slashCommand(person, "link", "code", code))).contains("Welcome, Dana Discord");
        assertThat(reply(discord.slashCommand(person, "whoami", null, null))).contains("Dana Discord");
    }

    @Test
    void a_slash_command_is_stored_deferred_and_answered_by_editing_the_deferred_reply() {
        FakeDiscord.Person person = linkedPerson();
        FakeDiscord.Interaction whoami = discord.slashCommand(person, "whoami", null, null);

        String answer = reply(whoami);
        assertThat(answer).contains("\"embeds\"").contains("**"); // a card as an embed, bold as Discord bold
        List<FakeDiscordRest.Call> callbacks =
                discord.rest.calls("POST", "interactions/" + whoami.id() + "/.*/callback");
        assertThat(callbacks)
                .singleElement()
                .satisfies(c -> assertThat(c.body()).contains("\"type\":5"));
        assertThat(inbox.row(whoami.id())).containsEntry("kind", "COMMAND").containsEntry("text", "whoami");
    }

    @Test
    void free_text_in_a_dm_is_answered_in_that_channel() {
        FakeDiscord.Person person = linkedPerson();
        String message = discord.directMessage(person, "hello there");

        String path = "channels/" + person.dmChannel() + "/messages";
        await().atMost(WAIT).until(() -> !discord.rest.calls("POST", path).isEmpty());
        assertThat(inbox.row(message))
                .containsEntry("kind", "TEXT")
                .containsEntry("text", "hello there")
                .containsEntry("chat", person.dmChannel());
    }
}
