package dev.alfred.channel.discord;

import static dev.alfred.testing.AlfredProperties.OWNER_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.alfred.channel.ChannelStatus;
import dev.alfred.testing.ApiClient;
import dev.alfred.testing.Users;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code POST /discord/interactions/{bot}} signed with a test Ed25519 key: PING, signature and
 * timestamp checks (401, nothing stored), commands and button presses stored, deferred (type 5) and
 * answered through the interaction's webhook by JDA against the fake.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordInteractionsEndpointTest implements TestPropertyProvider {

    static final Duration WAIT = Duration.ofSeconds(60);

    final FakeDiscord discord = new FakeDiscord();
    final Ed25519Signer signer = new Ed25519Signer();
    final HttpClient http = HttpClient.newHttpClient();
    Map<String, String> properties;

    @Inject
    EmbeddedServer server;

    @Inject
    DiscordChannels channels;

    ApiClient api;
    InboxRows inbox;

    @Override
    public Map<String, String> getProperties() {
        properties = discord.alfredProperties("alfred.secrets.ALFRED_DISCORD_PUBLIC_KEY", signer.publicKeyHex());
        return properties;
    }

    @BeforeAll
    void connect() {
        api = new ApiClient(server.getURI());
        inbox = new InboxRows(properties);
        await().atMost(WAIT)
                .until(() -> channels.find("alfred").orElseThrow().status().state() == ChannelStatus.State.UP);
    }

    @AfterAll
    void closeFake() {
        discord.close();
    }

    record Answer(int status, String body) {}

    Answer post(String bot, String body, String signature, String timestamp) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(server.getURI() + "/discord/interactions/" + bot))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("X-Signature-Ed25519", signature);
        }
        if (timestamp != null) {
            request.header("X-Signature-Timestamp", timestamp);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Answer signed(String body) {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        return post("alfred", body, signer.sign(timestamp, body), timestamp);
    }

    String command(FakeDiscord.Interaction interaction, FakeDiscord.Person person, String name, String code) {
        return FakeDiscord.slashCommandJson(interaction, person, name, code == null ? null : "code", code);
    }

    String editOf(FakeDiscord.Interaction interaction) {
        String path = Pattern.quote("webhooks/" + Fixtures.BOT_ID + "/" + interaction.token() + "/messages/@original");
        return await().atMost(WAIT)
                .until(() -> discord.rest.calls("PATCH", path), calls -> !calls.isEmpty())
                .getFirst()
                .body();
    }

    @Test
    void a_ping_is_answered_with_a_pong() {
        Answer answer = signed("{\"type\":1}");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"type\":1}");
    }

    @Test
    void a_signed_command_is_stored_deferred_and_answered_through_the_webhook() {
        FakeDiscord.Person person = FakeDiscord.Person.create();
        Users.Created user = Users.of(api, OWNER_KEY).name("Hugo Http").create();
        String code = api.post("/api/v1/users/" + user.id() + "/link-codes", OWNER_KEY, "")
                .get("code");
        FakeDiscord.Interaction link = FakeDiscord.newInteraction();

        Answer answer = signed(command(link, person, "link", code));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"type\":5}");
        assertThat(inbox.row(link.id()))
                .containsEntry("kind", "COMMAND")
                .containsEntry("text", "link " + code)
                .containsEntry("chat", person.dmChannel())
                .containsEntry("platform_user_id", person.id());
        assertThat(editOf(link)).contains("Welcome, Hugo Http");
        assertThat(discord.rest.calls("POST", "interactions/" + link.id() + "/.*"))
                .isEmpty(); // acked over HTTP

        FakeDiscord.Interaction whoami = FakeDiscord.newInteraction();
        assertThat(signed(command(whoami, person, "whoami", null)).status()).isEqualTo(200);
        assertThat(editOf(whoami)).contains("Hugo Http").contains("\"embeds\"");
    }

    @Test
    void a_signed_button_press_is_a_button_event() {
        FakeDiscord.Person person = FakeDiscord.Person.create();
        FakeDiscord.Interaction press = FakeDiscord.newInteraction();
        String body = Fixtures.load(
                "button-dm.json",
                Map.of(
                        "ID", press.id(),
                        "TOKEN", press.token(),
                        "CHANNEL_ID", person.dmChannel(),
                        "USER", person.json(),
                        "USER_ID", person.id(),
                        "CUSTOM_ID", "help"));

        assertThat(signed(body).body()).isEqualTo("{\"type\":5}");
        assertThat(inbox.row(press.id())).containsEntry("kind", "BUTTON").containsEntry("text", "help");
        assertThat(editOf(press)).contains("/link CODE"); // unlinked: the instructions
    }

    @Test
    void a_bad_signature_is_401_and_nothing_is_stored() {
        long before = inbox.count();
        FakeDiscord.Interaction interaction = FakeDiscord.newInteraction();
        String body = command(interaction, FakeDiscord.Person.create(), "whoami", null);
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String tampered = body.replace("whoami", "help");

        assertThat(post("alfred", tampered, signer.sign(timestamp, body), timestamp)
                        .status())
                .isEqualTo(401);
        assertThat(post("alfred", body, null, null).status()).isEqualTo(401);
        assertThat(post("alfred", body, "00", timestamp).status()).isEqualTo(401);
        assertThat(inbox.count()).isEqualTo(before);
        assertThat(inbox.row(interaction.id())).isEmpty();
    }

    @Test
    void a_stale_timestamp_is_401_and_nothing_is_stored() {
        long before = inbox.count();
        FakeDiscord.Interaction interaction = FakeDiscord.newInteraction();
        String body = command(interaction, FakeDiscord.Person.create(), "whoami", null);
        String stale = Long.toString(Instant.now().minus(Duration.ofMinutes(10)).getEpochSecond());

        Answer answer = post("alfred", body, signer.sign(stale, body), stale);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).contains("\"error\"");
        assertThat(inbox.count()).isEqualTo(before);
    }

    @Test
    void a_request_signed_with_another_key_is_401_and_nothing_is_stored() {
        long before = inbox.count();
        FakeDiscord.Interaction interaction = FakeDiscord.newInteraction();
        String body = command(interaction, FakeDiscord.Person.create(), "whoami", null);
        String timestamp = Long.toString(Instant.now().getEpochSecond());

        assertThat(post("alfred", body, new Ed25519Signer().sign(timestamp, body), timestamp)
                        .status())
                .isEqualTo(401);
        assertThat(inbox.count()).isEqualTo(before);
    }

    @Test
    void the_same_interaction_posted_three_times_is_stored_and_answered_once() {
        FakeDiscord.Interaction interaction = FakeDiscord.newInteraction();
        String body = command(interaction, FakeDiscord.Person.create(), "help", null);
        for (int i = 0; i < 3; i++) {
            assertThat(signed(body).body()).isEqualTo("{\"type\":5}");
        }
        editOf(interaction);
        await().during(Duration.ofSeconds(2))
                .atMost(WAIT)
                .until(() -> discord.rest
                                .calls(c -> c.path().contains(interaction.token()))
                                .size()
                        == 1);
        assertThat(inbox.outbox(interaction.id())).isEqualTo(List.of("sent"));
    }

    @Test
    void an_unknown_bot_is_404() {
        assertThat(signed("{\"type\":1}").status()).isEqualTo(200);
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        assertThat(post("nobody", "{\"type\":1}", signer.sign(timestamp, "{\"type\":1}"), timestamp)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void a_signed_guild_command_names_the_member_and_the_guild() {
        FakeDiscord.Person person = FakeDiscord.Person.create();
        FakeDiscord.Interaction interaction = FakeDiscord.newInteraction();

        assertThat(signed(FakeDiscord.guildSlashCommandJson(interaction, person, "help"))
                        .body())
                .isEqualTo("{\"type\":5}");

        assertThat(inbox.row(interaction.id()))
                .containsEntry("kind", "COMMAND")
                .containsEntry("text", "help")
                .containsEntry("workspace", Fixtures.GUILD_ID)
                .containsEntry("chat", Fixtures.GUILD_CHANNEL_ID)
                .containsEntry("platform_user_id", person.id());
        assertThat(editOf(interaction)).contains("/link CODE");
    }
}
