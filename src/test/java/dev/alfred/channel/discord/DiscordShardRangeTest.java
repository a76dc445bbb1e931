package dev.alfred.channel.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.alfred.channel.ChannelStatus;
import dev.alfred.channel.Delivery;
import dev.alfred.channel.Outbound;
import dev.alfred.channel.Reply;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** An instance that runs part of the shards, and one whose shard configuration is wrong. */
class DiscordShardRangeTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    final FakeDiscord discord = new FakeDiscord();
    ApplicationContext context;

    @AfterEach
    void close() {
        if (context != null && context.isRunning()) {
            context.close();
        }
        discord.close();
    }

    void start(String... extra) {
        Map<String, String> properties = discord.alfredProperties(extra);
        context = ApplicationContext.run(Map.<String, Object>copyOf(properties), "test");
    }

    DiscordBot bot() {
        return context.getBean(DiscordChannels.class).find("alfred").orElseThrow();
    }

    @Test
    void an_instance_running_shard_1_of_2_identifies_only_as_shard_1_and_leaves_the_commands_to_shard_0() {
        start("alfred.discord.shard-total", "2", "alfred.discord.shards", "1");

        await().atMost(WAIT).until(() -> bot().status().state() == ChannelStatus.State.UP);
        assertThat(discord.gateway.identifiedShards()).containsExactly("[1,2]");
        assertThat(discord.gateway.openConnections()).isEqualTo(1);
        assertThat(bot().status().detail()).contains("shards 1 of 2");
        FakeDiscord.Person person = FakeDiscord.Person.create();
        discord.directMessage(1, person, "hello");
        String answers = "channels/" + person.dmChannel() + "/messages";
        await().atMost(WAIT).until(() -> !discord.rest.calls("POST", answers).isEmpty());
        assertThat(discord.rest.calls("PUT", "applications/.*/commands"))
                .isEmpty(); // a READY would have queued it long before
    }

    @Test
    void while_one_shard_of_the_range_is_not_ready_the_channel_is_down_naming_that_shard_and_why() {
        discord.gateway.neverReady(1);
        start("alfred.discord.shard-total", "2", "alfred.discord.shards", "0-1", "alfred.discord.ready-timeout", "1s");

        await().atMost(WAIT).until(() -> discord.gateway.identifiedShards().size() == 2);
        await().atMost(WAIT).until(() -> bot().status().detail().contains("not ready"));
        ChannelStatus status = bot().status();
        assertThat(status.state()).isEqualTo(ChannelStatus.State.DOWN);
        assertThat(status.detail())
                .startsWith("shard 1 of 2: gateway not ready after PT1S")
                .doesNotContain("shard 0");
    }

    @Test
    void a_shard_outside_the_total_leaves_discord_down_with_the_reason_and_the_application_running() {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(GatewayShards.class);
        logger.addAppender(log);
        log.start();
        try {
            start("alfred.discord.shard-total", "2", "alfred.discord.shards", "5");
        } finally {
            logger.detachAppender(log);
        }

        assertThat(context.isRunning()).isTrue();
        ChannelStatus status = bot().status();
        assertThat(status.state()).isEqualTo(ChannelStatus.State.DOWN);
        assertThat(status.detail())
                .isEqualTo("bad shard configuration: alfred.discord.shards=5 names shard 5, but"
                        + " alfred.discord.shard-total=2 allows only shards 0-1");
        assertThat(log.list)
                .filteredOn(e -> e.getFormattedMessage().contains("names shard 5"))
                .hasSize(1);
        Delivery delivery = bot().send(new Outbound(1, "alfred", "discord", "1", Reply.text("hi"), Map.of(), 1));
        assertThat(delivery)
                .isInstanceOfSatisfying(
                        Delivery.Failed.class, f -> assertThat(f.reason()).contains("names shard 5"));
        assertThat(discord.gateway.identifiedShards()).isEmpty();
        assertThat(discord.gateway.openConnections()).isZero();
    }
}
