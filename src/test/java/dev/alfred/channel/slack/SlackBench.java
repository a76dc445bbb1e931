package dev.alfred.channel.slack;

import com.slack.api.app_backend.SlackSignature;
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
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Signed Slack slash commands ({@code /alfred whoami} from 50 linked users) posted at fixed rates;
 * replies go to the fake's {@code response_url}. Reports the acknowledgement latency and the
 * end-to-end latency (command posted to reply received). Run with {@code ./mvnw -Pbench verify}.
 */
class SlackBench {

    private static final int USERS = 50;
    private static final Duration STEP = Duration.ofSeconds(5);

    private final AtomicInteger triggers = new AtomicInteger();
    private final SlackSignature.Generator signer = new SlackSignature.Generator(SignedRequests.SECRET);

    @Test
    void slash_command_ack_and_end_to_end_at_fixed_rates() throws Exception {
        BenchReport report = WebhookLoad.report("slack-slash-commands");
        try (FakeSlack slack = new FakeSlack();
                EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties(slack));
                PlainHttp http = new PlainHttp()) {
            link(server.getApplicationContext());
            URI events = server.getURI().resolve("/slack/events");
            CpuMeter cpu = CpuMeter.of(server.getApplicationContext());
            Supplier<List<WebhookLoad.Reply>> replies =
                    () -> slack.calls(c -> c.path().startsWith("/response/")).stream()
                            .map(call -> new WebhookLoad.Reply(call.path(), call.at()))
                            .toList();
            WebhookLoad.warmUp(
                    WebhookLoad.RATES,
                    rate -> WebhookLoad.run(
                            http, rate, Duration.ofSeconds(1), cpu, i -> command(events, slack, i), replies));
            for (int rate : WebhookLoad.RATES) {
                WebhookLoad.row(
                        report, rate, WebhookLoad.run(http, rate, STEP, cpu, i -> command(events, slack, i), replies));
            }
        }
        report.publish();
    }

    /** The acknowledgement path alone: the highest rate Alfred acknowledges on this machine. */
    @Test
    void acknowledgements_alone_at_fixed_rates() throws Exception {
        try (FakeSlack slack = new FakeSlack();
                EmbeddedServer server =
                        ApplicationContext.run(EmbeddedServer.class, WebhookLoad.acksAlone(properties(slack)))) {
            URI events = server.getURI().resolve("/slack/events");
            WebhookLoad.ackSteps(
                    "slack-acks-alone",
                    STEP,
                    CpuMeter.of(server.getApplicationContext()),
                    i -> command(events, slack, i));
        }
    }

    /** {@code /alfred whoami} from one of the linked users, answered at its own {@code response_url}. */
    private WebhookLoad.Message command(URI events, FakeSlack slack, int i) {
        String trigger = "bench-" + triggers.incrementAndGet();
        String user = "U" + (i % USERS);
        String body = SignedRequests.form(Map.of(
                "team_id",
                "T0TEAM",
                "channel_id",
                "C" + user,
                "user_id",
                user,
                "command",
                "/alfred",
                "text",
                "whoami",
                "api_app_id",
                "A0ALFRED",
                "response_url",
                slack.responseUrl(trigger),
                "trigger_id",
                trigger));
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        PlainHttp.Post request = new PlainHttp.Post(
                events,
                Map.of(
                        "Content-Type",
                        "application/x-www-form-urlencoded",
                        "X-Slack-Request-Timestamp",
                        timestamp,
                        "X-Slack-Signature",
                        signer.generate(timestamp, body)),
                body);
        return new WebhookLoad.Message("/response/" + trigger, request);
    }

    private static Map<String, Object> properties(FakeSlack slack) {
        Map<String, Object> properties = new HashMap<>(TestDatabase.properties(TestDatabase.create()));
        properties.putAll(Map.of(
                "alfred.bootstrap.api-key",
                AlfredProperties.OWNER_KEY,
                "micronaut.server.port",
                "-1",
                "alfred.secrets.ALFRED_SLACK_SIGNING_SECRET",
                SignedRequests.SECRET,
                "alfred.secrets.ALFRED_SLACK_BOT_TOKEN",
                FakeSlack.BOT_TOKEN,
                "alfred.slack.api-url",
                slack.apiUrl(),
                "alfred.channels.slack.per-chat-rate",
                "0",
                "alfred.channels.slack.global-rate",
                "0"));
        return properties;
    }

    private static void link(ApplicationContext context) {
        for (int u = 0; u < USERS; u++) {
            LinkedUsers.link(context, "slack", "U" + u, "Bench " + u);
        }
    }
}
