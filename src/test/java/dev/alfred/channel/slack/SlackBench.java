package dev.alfred.channel.slack;

import static org.awaitility.Awaitility.await;

import com.slack.api.app_backend.SlackSignature;
import dev.alfred.bench.BenchReport;
import dev.alfred.identity.Actor;
import dev.alfred.identity.ApiKeyService;
import dev.alfred.identity.LinkCodeService;
import dev.alfred.identity.Role;
import dev.alfred.identity.UserInput;
import dev.alfred.identity.UserService;
import dev.alfred.testing.AlfredProperties;
import dev.alfred.testing.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
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

    @Test
    void slash_command_ack_and_end_to_end_at_fixed_rates() throws Exception {
        BenchReport report = new BenchReport(
                "slack-slash-commands",
                "offered msg/s",
                "ack p50 ms",
                "ack p99 ms",
                "replies/s",
                "e2e p50 ms",
                "e2e p99 ms",
                "messages");
        try (FakeSlack slack = new FakeSlack();
                EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties(slack))) {
            ApplicationContext context = server.getApplicationContext();
            link(context);
            URI events = server.getURI().resolve("/slack/events");
            HttpClient http = HttpClient.newBuilder()
                    .executor(Executors.newVirtualThreadPerTaskExecutor())
                    .build();
            step(http, events, slack, 100, Duration.ofSeconds(3)); // warm-up
            for (int rate : new int[] {20, 100, 250, 500, 750, 1000}) {
                Step step = step(http, events, slack, rate, STEP);
                report.row(
                        rate,
                        BenchReport.fixed(BenchReport.percentile(step.acks(), 50)),
                        BenchReport.fixed(BenchReport.percentile(step.acks(), 99)),
                        BenchReport.fixed(step.repliesPerSecond()),
                        BenchReport.fixed(BenchReport.percentile(step.endToEnd(), 50)),
                        BenchReport.fixed(BenchReport.percentile(step.endToEnd(), 99)),
                        step.acks().size());
            }
        }
        report.publish();
    }

    private record Step(List<Double> acks, List<Double> endToEnd, double repliesPerSecond) {}

    private Step step(HttpClient http, URI events, FakeSlack slack, int rate, Duration duration) {
        int total = (int) (rate * duration.toMillis() / 1000);
        Map<String, Instant> posted = new ConcurrentHashMap<>();
        List<Double> acks = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<?>> requests = new ArrayList<>();
        SlackSignature.Generator signer = new SlackSignature.Generator(SignedRequests.SECRET);
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            LockSupport.parkNanos(start + i * interval - System.nanoTime());
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
            HttpRequest request = HttpRequest.newBuilder(events)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Slack-Request-Timestamp", timestamp)
                    .header("X-Slack-Signature", signer.generate(timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
            long sent = System.nanoTime();
            posted.put("/response/" + trigger, Instant.now());
            requests.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .thenAccept(response -> acks.add((System.nanoTime() - sent) / 1e6)));
        }
        CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).join();
        await().atMost(Duration.ofMinutes(3))
                .until(() -> slack.calls(c -> posted.containsKey(c.path())).size() >= total);
        List<Double> endToEnd = new ArrayList<>();
        Instant first = Instant.MAX;
        Instant last = Instant.MIN;
        for (FakeSlack.Call reply : slack.calls(c -> posted.containsKey(c.path()))) {
            Instant in = posted.get(reply.path());
            endToEnd.add(Duration.between(in, reply.at()).toNanos() / 1e6);
            first = in.isBefore(first) ? in : first;
            last = reply.at().isAfter(last) ? reply.at() : last;
        }
        return new Step(acks, endToEnd, total / (Duration.between(first, last).toNanos() / 1e9));
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
        Actor owner = context.getBean(ApiKeyService.class)
                .authenticate(AlfredProperties.OWNER_KEY)
                .orElseThrow();
        UserService users = context.getBean(UserService.class);
        LinkCodeService links = context.getBean(LinkCodeService.class);
        for (int u = 0; u < USERS; u++) {
            var user = users.create(owner, new UserInput("Bench " + u, null, Role.EMPLOYEE, null, null, null, null));
            links.redeem(links.create(owner, user.id()).code(), "alfred", "slack", "U" + u);
        }
    }
}
