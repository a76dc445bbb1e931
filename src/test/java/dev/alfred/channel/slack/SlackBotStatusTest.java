package dev.alfred.channel.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import dev.alfred.channel.ChannelStatus;
import dev.alfred.channel.Delivery;
import dev.alfred.channel.Inbound;
import dev.alfred.channel.Outbound;
import dev.alfred.channel.Reply;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The channel's status: DISABLED without secrets, DOWN with Slack's reason, UP once auth.test passes. */
class SlackBotStatusTest {

    FakeSlack fake;
    Slack slack;
    SlackExecutors executors = new SlackExecutors();
    List<Inbound> stored = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        fake = new FakeSlack();
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(fake.apiUrl());
        config.setExecutorServiceProvider(executors);
        config.setStatsEnabled(false);
        slack = Slack.getInstance(config);
    }

    @AfterEach
    void stop() throws Exception {
        slack.close();
        executors.close();
        fake.close();
    }

    SlackBot bot(SlackSettings settings) {
        return new SlackBot(
                "alfred", settings, "set ALFRED_SLACK_BOT_TOKEN", slack, executors, event -> stored.add(event));
    }

    static SlackSettings http() {
        return new SlackSettings("alfred", FakeSlack.BOT_TOKEN, "secret", null);
    }

    @Test
    void without_secrets_the_channel_is_disabled_and_says_what_to_set() {
        SlackBot bot = bot(null);
        assertThat(bot.start()).isFalse();
        assertThat(bot.status()).isEqualTo(ChannelStatus.disabled("set ALFRED_SLACK_BOT_TOKEN"));
        assertThat(bot.send(new Outbound(1, "alfred", "slack", "C1", Reply.text("x"), Map.of(), 1)))
                .isInstanceOf(Delivery.Failed.class);
        assertThat(fake.calls()).isEmpty();
    }

    @Test
    void a_refused_token_is_down_with_slacks_reason_and_a_later_start_brings_it_up() {
        fake.authError("invalid_auth");
        SlackBot bot = bot(http());
        assertThat(bot.start()).isFalse();
        assertThat(bot.status()).isEqualTo(ChannelStatus.down("auth.test: invalid_auth"));
        assertThat(bot.bridge()).isEmpty();

        fake.authError(null);
        assertThat(bot.start()).isTrue();
        assertThat(bot.status().state()).isEqualTo(ChannelStatus.State.UP);
        assertThat(bot.status().detail()).contains("HTTP mode", FakeSlack.TEAM, "@alfred");
        assertThat(bot.bridge()).isPresent();
        bot.stop();
        assertThat(bot.bridge()).isEmpty();
    }

    @Test
    void an_unreachable_slack_is_down() {
        fake.close();
        SlackBot bot = bot(http());
        assertThat(bot.start()).isFalse();
        assertThat(bot.status().state()).isEqualTo(ChannelStatus.State.DOWN);
        assertThat(bot.status().detail()).startsWith("cannot start:");
    }

    @Test
    void a_token_revoked_while_running_turns_the_channel_down_until_a_send_succeeds() {
        SlackBot bot = bot(http());
        assertThat(bot.start()).isTrue();
        Outbound message = new Outbound(1, "alfred", "slack", "C1", Reply.text("x"), Map.of(), 1);

        fake.errorNext("/api/chat.postMessage", "token_revoked");
        assertThat(bot.send(message)).isInstanceOf(Delivery.Failed.class);
        assertThat(bot.status()).isEqualTo(ChannelStatus.down("Slack refused the bot token: token_revoked"));

        assertThat(bot.send(message)).isInstanceOf(Delivery.Sent.class);
        assertThat(bot.status().state()).isEqualTo(ChannelStatus.State.UP);
        bot.stop();
    }

    @Test
    void settings_never_show_secrets() {
        SlackSettings settings = new SlackSettings("alfred", "xoxb-secret", "signing-secret", "xapp-secret");
        assertThat(settings.toString())
                .doesNotContain("secret-", "xoxb", "xapp")
                .contains("socket");
    }
}
