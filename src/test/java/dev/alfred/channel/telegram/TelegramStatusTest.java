package dev.alfred.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.alfred.channel.ChannelStatus;
import dev.alfred.conversation.Channels;
import dev.alfred.testing.AlfredProperties;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the channel reports: DISABLED without a token, DOWN with the reason while Telegram fails, then UP. */
class TelegramStatusTest {

    private final FakeTelegram telegram = new FakeTelegram();
    private EmbeddedServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.getApplicationContext().close();
        }
        telegram.close();
    }

    private EmbeddedServer start(String... extra) {
        Map<String, Object> properties = new HashMap<>(AlfredProperties.fresh(extra));
        return ApplicationContext.run(EmbeddedServer.class, properties);
    }

    private ChannelStatus status() {
        return server.getApplicationContext()
                .getBean(Channels.class)
                .find("alfred", "telegram")
                .orElseThrow()
                .status();
    }

    private int webhook(String secret) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(server.getURI().resolve("/telegram/webhook/alfred"))
                .header(TelegramWebhookController.SECRET_HEADER, secret)
                .POST(HttpRequest.BodyPublishers.ofString(Updates.command(1, 1, "/help")))
                .build();
        return HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Test
    void without_a_bot_token_the_service_starts_with_telegram_disabled_and_says_what_to_set() throws Exception {
        server = start(); // and with the default API URL, https://api.telegram.org
        assertThat(status().state()).isEqualTo(ChannelStatus.State.DISABLED);
        assertThat(status().detail()).contains("ALFRED_TELEGRAM_BOT_TOKEN");
        assertThat(webhook("anything")).isEqualTo(401);
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(2))
                .until(() -> telegram.calls().isEmpty());
    }

    @Test
    void while_telegram_fails_the_channel_is_down_with_the_reason_then_up_once_it_answers() throws Exception {
        telegram.breakNext("getMe");
        telegram.breakNext("getMe");
        server = start(
                "alfred.secrets.ALFRED_TELEGRAM_BOT_TOKEN",
                FakeTelegram.TOKEN,
                "alfred.secrets.ALFRED_TELEGRAM_WEBHOOK_SECRET",
                "only-listening",
                "alfred.telegram.api-url",
                telegram.url(),
                "alfred.telegram.start-retry",
                "1s");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> status().state() == ChannelStatus.State.DOWN
                        && status().detail().startsWith("cannot start: ")
                        && status().detail().contains("500"));
        assertThat(status().detail()).doesNotContain(FakeTelegram.TOKEN);

        await().atMost(Duration.ofSeconds(10)).until(() -> status().state() == ChannelStatus.State.UP);
        assertThat(status().detail()).isEqualTo("webhook (registered elsewhere)");
        assertThat(telegram.calls("getMe")).hasSize(3);
        assertThat(telegram.calls("setMyCommands")).hasSize(1);
        assertThat(telegram.calls("setWebhook"))
                .as("a secret without a URL only listens")
                .isEmpty();
        assertThat(webhook("only-listening")).isEqualTo(200);
    }

    @Test
    void an_unreachable_telegram_is_down_with_the_reason() {
        String url = telegram.url();
        telegram.close();
        server = start(
                "alfred.secrets.ALFRED_TELEGRAM_BOT_TOKEN",
                FakeTelegram.TOKEN,
                "alfred.telegram.api-url",
                url,
                "alfred.telegram.start-retry",
                "1s");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> status().state() == ChannelStatus.State.DOWN
                        && status().detail().startsWith("cannot start"));
        assertThat(status().detail()).doesNotContain(FakeTelegram.TOKEN);
    }
}
