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
import dev.alfred.testing.AlfredProperties;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Start and stop of the Discord channel: DISABLED without a token, DOWN with the reason, clean shutdown. */
class DiscordLifecycleTest {

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

    ApplicationContext start(Map<String, String> extra) {
        context = ApplicationContext.run(
                Map.<String, Object>copyOf(AlfredProperties.fresh(extra.entrySet().stream()
                        .flatMap(e -> Stream.of(e.getKey(), e.getValue()))
                        .toArray(String[]::new))),
                "test");
        return context;
    }

    DiscordBot bot() {
        return context.getBean(DiscordChannels.class).find("alfred").orElseThrow();
    }

    @Test
    void a_bot_without_a_token_starts_with_discord_disabled_and_one_line_naming_the_variable() {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(DiscordChannels.class);
        logger.addAppender(log);
        log.start();
        try {
            start(Map.of());
        } finally {
            logger.detachAppender(log);
        }

        ChannelStatus status = bot().status();
        assertThat(status.state()).isEqualTo(ChannelStatus.State.DISABLED);
        assertThat(status.detail()).contains("ALFRED_DISCORD_BOT_TOKEN");
        assertThat(log.list)
                .filteredOn(e -> e.getFormattedMessage().contains("ALFRED_DISCORD_BOT_TOKEN"))
                .hasSize(1);
        Delivery delivery = bot().send(new Outbound(1, "alfred", "discord", "1", Reply.text("hi"), Map.of(), 1));
        assertThat(delivery)
                .isInstanceOfSatisfying(
                        Delivery.Failed.class, f -> assertThat(f.permanent()).isTrue());
        assertThat(discord.rest.calls()).isEmpty();
    }

    @Test
    void a_refused_token_is_down_with_the_reason_and_without_the_token() {
        discord.rest.usersMe(401);
        start(discord.properties());

        await().atMost(WAIT).until(() -> bot().status().detail().contains("refused"));
        ChannelStatus status = bot().status();
        assertThat(status.state()).isEqualTo(ChannelStatus.State.DOWN);
        assertThat(status.detail()).contains("ALFRED_DISCORD_BOT_TOKEN").doesNotContain("fake-bot-token");
    }

    @Test
    void an_unreachable_gateway_is_down_after_the_ready_timeout_without_holding_up_the_start() {
        Map<String, String> properties = new HashMap<>(discord.properties());
        properties.put("alfred.discord.gateway-url", "ws://127.0.0.1:1/");
        properties.put("alfred.discord.ready-timeout", "1s");
        start(properties);

        assertThat(context.isRunning()).isTrue();
        assertThat(bot().status().state()).isEqualTo(ChannelStatus.State.DOWN);
        await().atMost(WAIT).until(() -> bot().status().detail().contains("not ready after"));
        assertThat(bot().status().state()).isEqualTo(ChannelStatus.State.DOWN);
    }

    @Test
    void stopping_the_application_closes_the_gateway_and_jdas_threads() {
        start(discord.properties());
        await().atMost(WAIT).until(() -> bot().status().state() == ChannelStatus.State.UP);
        DiscordBot bot = bot();
        assertThat(discord.gateway.openConnections()).isEqualTo(1);
        assertThat(jdaThreads()).isNotEmpty();

        context.close();

        await().atMost(WAIT).until(() -> discord.gateway.openConnections() == 0);
        assertThat(discord.gateway.closedConnections()).isEqualTo(1);
        await().atMost(WAIT).untilAsserted(() -> assertThat(jdaThreads()).isEmpty());
        assertThat(bot.status().state()).isEqualTo(ChannelStatus.State.DOWN);
        assertThat(bot.status().detail()).isEqualTo("stopped");
    }

    @Test
    void stopping_while_the_login_is_still_running_leaves_nothing_behind() {
        discord.rest.delayNext("GET", "users/@me", Duration.ofSeconds(7)); // longer than stop() waits for the start
        start(discord.properties());
        await().atMost(WAIT).until(() -> !discord.rest.calls("GET", "users/@me").isEmpty());
        DiscordBot bot = bot();

        context.close();

        assertThat(bot.status().detail()).isEqualTo("stopped");
        await().atMost(WAIT).untilAsserted(() -> assertThat(jdaThreads()).isEmpty());
        assertThat(discord.gateway.openConnections()).isZero();
    }

    static List<String> jdaThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith("JDA") || name.startsWith("discord-start"))
                .toList();
    }
}
