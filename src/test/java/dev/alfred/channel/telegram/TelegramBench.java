package dev.alfred.channel.telegram;

import dev.alfred.bench.BenchReport;
import dev.alfred.bench.CpuMeter;
import dev.alfred.bench.PlainHttp;
import dev.alfred.bench.WebhookLoad;
import dev.alfred.testing.AlfredProperties;
import dev.alfred.testing.LinkedUsers;
import dev.alfred.testing.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Telegram webhook updates ({@code /whoami} from 50 linked users) posted at fixed rates to a
 * running Alfred whose replies go to a local fake Bot API through the real client. Reports the
 * webhook's acknowledgement latency and the end-to-end latency (update posted to reply received).
 * Run with {@code ./mvnw -Pbench verify}.
 */
class TelegramBench {

    private static final int USERS = 50;
    private static final Duration STEP = Duration.ofSeconds(5);
    private static final String SECRET = "bench-secret";

    private final AtomicInteger updateIds = new AtomicInteger(1);

    @Test
    void webhook_ack_and_end_to_end_at_fixed_rates() throws Exception {
        BenchReport report = WebhookLoad.report("telegram-webhook");
        try (FakeTelegram telegram = new FakeTelegram();
                EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties(telegram));
                PlainHttp http = new PlainHttp()) {
            link(server.getApplicationContext());
            URI webhook = server.getURI().resolve("/telegram/webhook/alfred");
            CpuMeter cpu = CpuMeter.of(server.getApplicationContext());
            Supplier<List<WebhookLoad.Reply>> replies = () -> telegram.calls("sendMessage").stream()
                    .map(call -> new WebhookLoad.Reply(call.param("chat_id"), call.at()))
                    .toList();
            WebhookLoad.warmUp(
                    WebhookLoad.RATES,
                    rate -> WebhookLoad.run(http, rate, Duration.ofSeconds(1), cpu, i -> update(webhook, i), replies));
            for (int rate : WebhookLoad.RATES) {
                WebhookLoad.row(report, rate, WebhookLoad.run(http, rate, STEP, cpu, i -> update(webhook, i), replies));
            }
        }
        report.publish();
    }

    /** The acknowledgement path alone: the highest rate Alfred acknowledges on this machine. */
    @Test
    void acknowledgements_alone_at_fixed_rates() throws Exception {
        try (FakeTelegram telegram = new FakeTelegram();
                EmbeddedServer server =
                        ApplicationContext.run(EmbeddedServer.class, WebhookLoad.acksAlone(properties(telegram)))) {
            URI webhook = server.getURI().resolve("/telegram/webhook/alfred");
            WebhookLoad.ackSteps(
                    "telegram-acks-alone", STEP, CpuMeter.of(server.getApplicationContext()), i -> update(webhook, i));
        }
    }

    /** {@code /whoami} from one of the linked users; its replies go to that user's private chat. */
    private WebhookLoad.Message update(URI webhook, int i) {
        long user = 1 + (i % USERS);
        PlainHttp.Post request = new PlainHttp.Post(
                webhook,
                Map.of("Content-Type", "application/json", TelegramWebhookController.SECRET_HEADER, SECRET),
                Updates.command(updateIds.incrementAndGet(), user, "/whoami"));
        return new WebhookLoad.Message(Long.toString(user), request);
    }

    private static Map<String, Object> properties(FakeTelegram telegram) {
        Map<String, Object> properties = new HashMap<>(TestDatabase.properties(TestDatabase.create()));
        properties.putAll(Map.of(
                "alfred.bootstrap.api-key",
                AlfredProperties.OWNER_KEY,
                "micronaut.server.port",
                "-1",
                "alfred.secrets.ALFRED_TELEGRAM_BOT_TOKEN",
                FakeTelegram.TOKEN,
                "alfred.secrets.ALFRED_TELEGRAM_WEBHOOK_SECRET",
                SECRET,
                "alfred.telegram.api-url",
                telegram.url(),
                "alfred.channels.telegram.per-chat-rate",
                "0",
                "alfred.channels.telegram.global-rate",
                "0"));
        return properties;
    }

    private static void link(ApplicationContext context) {
        for (long u = 1; u <= USERS; u++) {
            LinkedUsers.link(context, "telegram", Long.toString(u), "Bench " + u);
        }
    }
}
