package dev.alfred.channel.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.alfred.channel.ChannelStatus;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two shards on one instance ({@code shard-total=2}, {@code shards=0-1}), through JDA against the fake
 * gateway: one IDENTIFY per shard, events of either shard stored and answered, commands registered once.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordShardsTest implements TestPropertyProvider {

    static final Duration WAIT = Duration.ofSeconds(60);

    final FakeDiscord discord = new FakeDiscord();
    Map<String, String> properties;

    @Inject
    DiscordChannels channels;

    InboxRows inbox;

    @Override
    public Map<String, String> getProperties() {
        properties = discord.alfredProperties(
                "alfred.outbox.backoff", "200ms", "alfred.discord.shard-total", "2", "alfred.discord.shards", "0-1");
        return properties;
    }

    @BeforeAll
    void connect() {
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

    @Test
    void each_shard_identifies_once_with_its_id_and_the_total_and_both_count_for_up() {
        assertThat(discord.gateway.identifiedShards()).containsExactlyInAnyOrder("[0,2]", "[1,2]");
        assertThat(discord.gateway.openConnections()).isEqualTo(2);
        assertThat(bot().status().detail()).contains("connected as alfred").contains("shards 0,1 of 2");
    }

    @Test
    void the_slash_commands_are_registered_once_by_shard_0() {
        await().atMost(WAIT)
                .until(() ->
                        !discord.rest.calls("PUT", "applications/.*/commands").isEmpty());
        assertThat(discord.rest.calls("PUT", "applications/" + Fixtures.BOT_ID + "/commands"))
                .hasSize(1);
    }

    @Test
    void a_guild_message_on_shard_1_is_stored_and_answered_in_the_guild_channel_shard_1_holds() {
        FakeDiscord.Person person = FakeDiscord.Person.create();
        String mention = discord.guildMessage(1, person, "<@" + Fixtures.BOT_ID + "> hello from shard one", true);

        await().atMost(WAIT).until(() -> inbox.outbox(mention).equals(List.of("sent")));
        assertThat(inbox.row(mention))
                .containsEntry("text", "hello from shard one")
                .containsEntry("chat", Fixtures.GUILD_CHANNEL_ID);
        assertThat(discord.rest.calls("POST", "channels/" + Fixtures.GUILD_CHANNEL_ID + "/messages"))
                .isNotEmpty();
    }

    @Test
    void a_direct_message_on_shard_1_is_stored_and_answered() {
        FakeDiscord.Person person = FakeDiscord.Person.create();
        String message = discord.directMessage(1, person, "hello over shard one");

        await().atMost(WAIT).until(() -> inbox.outbox(message).equals(List.of("sent")));
        assertThat(inbox.row(message)).containsEntry("text", "hello over shard one");
        assertThat(discord.rest.calls("POST", "channels/" + person.dmChannel() + "/messages"))
                .isNotEmpty();
    }
}
