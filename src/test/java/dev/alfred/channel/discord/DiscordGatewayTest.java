package dev.alfred.channel.discord;

import static dev.alfred.testing.AlfredProperties.OWNER_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.alfred.channel.ChannelStatus;
import dev.alfred.channel.Delivery;
import dev.alfred.channel.Outbound;
import dev.alfred.channel.Reply;
import dev.alfred.testing.ApiClient;
import dev.alfred.testing.Users;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
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

    static final Duration WAIT = Duration.ofSeconds(60);

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
        properties = discord.alfredProperties("alfred.outbox.backoff", "200ms");
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
                .until(() -> discord.rest.calls("PATCH", Pattern.quote(path)), calls -> !calls.isEmpty())
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
        assertThat(discord.rest.calls("POST", path).getLast().body()).contains("\"content\":\"");
        assertThat(discord.rest.calls("POST", "channels/" + person.dmChannel() + "/typing"))
                .isNotEmpty(); // shown while the assistant worked
        assertThat(inbox.row(message))
                .containsEntry("kind", "TEXT")
                .containsEntry("text", "hello there")
                .containsEntry("chat", person.dmChannel());
    }

    @Test
    void a_card_with_buttons_and_an_image_renders_as_embed_action_row_and_upload() {
        FakeDiscord.Person person = FakeDiscord.Person.create();
        Reply reply = Reply.text("Task *42* is due")
                .withCard(new Reply.Card(
                        "Call Acme",
                        List.of(new Reply.Field("Due", "tomorrow"), new Reply.Field("Owner", "Dana")),
                        List.of(
                                new Reply.Button("Done", "task done 42", Reply.Button.Style.PRIMARY),
                                new Reply.Button("Delete", "task delete 42", Reply.Button.Style.DANGER),
                                new Reply.Button("Later", "task snooze 42", Reply.Button.Style.DEFAULT))))
                .withAttachment(new Reply.Attachment("chart.png", "image/png", new byte[] {1, 2, 3}));

        Delivery delivery = bot().send(new Outbound(
                1, "alfred", "discord", person.dmChannel(), reply, Map.of(DiscordInbound.USER, person.id()), 1));

        assertThat(delivery).isInstanceOf(Delivery.Sent.class);
        assertThat(discord.rest.calls("POST", "users/@me/channels").getLast().body())
                .contains(person.id());
        String sent = discord.rest
                .calls("POST", "channels/" + person.dmChannel() + "/messages")
                .getLast()
                .body();
        assertThat(sent)
                .contains("payload_json", "filename=\"chart.png\"")
                .contains("\"content\":\"Task **42** is due\"")
                .contains("\"title\":\"Call Acme\"")
                .contains("\"allowed_mentions\":{\"parse\":[\"users\"]")
                .contains("\"name\":\"Due\"", "\"value\":\"tomorrow\"", "\"inline\":true")
                .contains("\"url\":\"attachment://chart.png\"")
                .contains("\"custom_id\":\"task done 42\"", "\"custom_id\":\"task delete 42\"")
                .containsPattern(
                        "\"style\":1[,}][^}]*\"custom_id\":\"task done 42\"|\"custom_id\":\"task done 42\"[^}]*\"style\":1[,}]")
                .containsPattern(
                        "\"custom_id\":\"task delete 42\"[^}]*\"style\":4|\"style\":4[^}]*\"custom_id\":\"task delete 42\"")
                .containsPattern(
                        "\"custom_id\":\"task snooze 42\"[^}]*\"style\":2|\"style\":2[^}]*\"custom_id\":\"task snooze 42\"");
    }

    @Test
    void a_button_press_is_a_button_event_and_is_answered() {
        FakeDiscord.Person person = linkedPerson();
        FakeDiscord.Interaction press = discord.button(person, "whoami");

        assertThat(reply(press)).contains(person.name());
        assertThat(inbox.row(press.id())).containsEntry("kind", "BUTTON").containsEntry("text", "whoami");
        assertThat(discord.rest.calls("POST", "interactions/" + press.id() + "/.*/callback"))
                .singleElement()
                .satisfies(c -> assertThat(c.body()).contains("\"type\":5"));
    }

    @Test
    void the_same_interaction_delivered_three_times_is_stored_and_answered_once() {
        FakeDiscord.Person person = linkedPerson();
        FakeDiscord.Interaction interaction = FakeDiscord.newInteraction();
        for (int i = 0; i < 3; i++) {
            discord.slashCommand(interaction, person, "whoami", null, null);
        }
        reply(interaction);
        String edits = "webhooks/\\d+/" + interaction.token() + "(/messages/@original)?";
        await().during(Duration.ofSeconds(2))
                .atMost(WAIT)
                .until(() -> discord.rest.calls(c -> c.path().matches(edits)).size() == 1);
        assertThat(inbox.outbox(interaction.id())).containsExactly("sent");
    }

    @Test
    void a_429_with_retry_after_is_waited_out_and_the_reply_still_arrives() {
        FakeDiscord.Person person = linkedPerson();
        FakeDiscord.Interaction interaction = FakeDiscord.newInteraction();
        String edit = "webhooks/\\d+/" + interaction.token() + "/messages/@original";
        discord.rest.rateLimitNext("PATCH", edit, 1.5);

        discord.slashCommand(interaction, person, "whoami", null, null);

        await().atMost(WAIT).until(() -> discord.rest.calls("PATCH", edit).size() == 2);
        List<FakeDiscordRest.Call> attempts = discord.rest.calls("PATCH", edit);
        long waited = attempts.get(1).atNanos() - attempts.get(0).atNanos();
        assertThat(Duration.ofNanos(waited)).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
        assertThat(attempts.get(1).body()).contains(person.name());
        assertThat(inbox.outbox(interaction.id())).containsExactly("sent");
    }

    @Test
    void a_500_is_retried_and_the_reply_arrives() {
        FakeDiscord.Person person = linkedPerson();
        FakeDiscord.Interaction interaction = FakeDiscord.newInteraction();
        String edit = "webhooks/\\d+/" + interaction.token() + "/messages/@original";
        discord.rest.failNext("PATCH", edit, 500, 0, "500: Internal Server Error");

        discord.slashCommand(interaction, person, "whoami", null, null);

        await().atMost(WAIT).until(() -> inbox.outbox(interaction.id()).equals(List.of("sent")));
        assertThat(discord.rest.calls("PATCH", edit)).hasSize(2);
    }

    @Test
    void a_permanent_error_is_not_retried_and_goes_to_dead_letters() {
        FakeDiscord.Person person = linkedPerson();
        discord.rest.failNext("POST", "channels/" + person.dmChannel() + "/messages", 403, 50001, "Missing Access");

        String message = discord.directMessage(person, "hello again");

        await().atMost(WAIT).until(() -> inbox.outbox(message).equals(List.of("dead")));
        assertThat(discord.rest.calls("POST", "channels/" + person.dmChannel() + "/messages"))
                .hasSize(1);
    }

    @Test
    void after_the_interaction_token_expired_the_reply_goes_to_the_channel() {
        FakeDiscord.Person person = linkedPerson();
        FakeDiscord.Interaction old = new FakeDiscord.Interaction(
                Fixtures.snowflake(Duration.ofMinutes(20).toMillis()), "old-token");

        discord.slashCommand(old, person, "whoami", null, null);

        String channel = "channels/" + person.dmChannel() + "/messages";
        await().atMost(WAIT).until(() -> inbox.outbox(old.id()).equals(List.of("sent")));
        assertThat(discord.rest.calls(
                        c -> c.path().contains("old-token") && c.path().startsWith("webhooks")))
                .isEmpty();
        assertThat(discord.rest.calls("POST", channel).getLast().body()).contains(person.name());
    }

    @Test
    void when_discord_forgot_the_interaction_the_reply_goes_to_the_channel() {
        FakeDiscord.Person person = linkedPerson();
        FakeDiscord.Interaction interaction = FakeDiscord.newInteraction();
        String edit = "webhooks/\\d+/" + interaction.token() + "/messages/@original";
        discord.rest.failNext("PATCH", edit, 404, 10062, "Unknown interaction");

        discord.slashCommand(interaction, person, "whoami", null, null);

        await().atMost(WAIT).until(() -> inbox.outbox(interaction.id()).equals(List.of("sent")));
        assertThat(discord.rest
                        .calls("POST", "channels/" + person.dmChannel() + "/messages")
                        .getLast()
                        .body())
                .contains(person.name());
    }

    @Test
    void a_guild_message_is_taken_only_when_it_mentions_the_bot_and_without_the_mention() {
        FakeDiscord.Person person = linkedPerson();
        String ignored = discord.guildMessage(person, "just chatting", false);
        String fromBot = discord.directMessageFromBot(person, "I am Alfred");
        String mention = discord.guildMessage(person, "<@" + Fixtures.BOT_ID + "> hello from the guild", true);

        await().atMost(WAIT).until(() -> !inbox.row(mention).isEmpty());
        assertThat(inbox.row(mention))
                .containsEntry("kind", "TEXT")
                .containsEntry("text", "hello from the guild")
                .containsEntry("workspace", Fixtures.GUILD_ID)
                .containsEntry("chat", Fixtures.GUILD_CHANNEL_ID)
                .containsEntry("platform_user_id", person.id());
        assertThat(inbox.row(ignored)).isEmpty(); // JDA dispatches in order: the earlier ones were seen
        assertThat(inbox.row(fromBot)).isEmpty();
        await().atMost(WAIT).until(() -> inbox.outbox(mention).equals(List.of("sent")));
        assertThat(discord.rest.calls("POST", "channels/" + Fixtures.GUILD_CHANNEL_ID + "/messages"))
                .isNotEmpty();
    }

    @Test
    void a_slash_command_in_a_guild_carries_the_guild_as_workspace() {
        FakeDiscord.Person person = linkedPerson();
        FakeDiscord.Interaction interaction = FakeDiscord.newInteraction();
        discord.gateway.dispatch(
                "INTERACTION_CREATE", FakeDiscord.guildSlashCommandJson(interaction, person, "whoami"));

        assertThat(reply(interaction)).contains(person.name());
        assertThat(inbox.row(interaction.id()))
                .containsEntry("kind", "COMMAND")
                .containsEntry("workspace", Fixtures.GUILD_ID)
                .containsEntry("chat", Fixtures.GUILD_CHANNEL_ID)
                .containsEntry("platform_user_id", person.id());
    }
}
