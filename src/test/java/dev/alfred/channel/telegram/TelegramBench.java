package dev.alfred.channel.telegram;

import static org.awaitility.Awaitility.await;

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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
        BenchReport report = new BenchReport(
                "telegram-webhook",
                "offered msg/s",
                "ack p50 ms",
                "ack p99 ms",
                "replies/s",
                "e2e p50 ms",
                "e2e p99 ms",
                "messages");
        try (FakeTelegram telegram = new FakeTelegram();
                EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties(telegram))) {
            ApplicationContext context = server.getApplicationContext();
            link(context);
            URI webhook = server.getURI().resolve("/telegram/webhook/alfred");
            HttpClient http = HttpClient.newBuilder()
                    .executor(Executors.newVirtualThreadPerTaskExecutor())
                    .build();
            step(http, webhook, telegram, 200, Duration.ofSeconds(3)); // warm-up
            for (int rate : new int[] {20, 100, 250, 500, 750, 1000}) {
                Step step = step(http, webhook, telegram, rate, STEP);
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

    private Step step(HttpClient http, URI webhook, FakeTelegram telegram, int rate, Duration duration) {
        int total = (int) (rate * duration.toMillis() / 1000);
        int before = telegram.calls("sendMessage").size();
        Map<Long, List<Instant>> posted = new ConcurrentHashMap<>();
        List<Double> acks = java.util.Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<?>> requests = new ArrayList<>();
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            LockSupport.parkNanos(start + i * interval - System.nanoTime());
            long user = 1 + (i % USERS);
            String update = Updates.command(updateIds.incrementAndGet(), user, "/whoami");
            HttpRequest request = HttpRequest.newBuilder(webhook)
                    .header("Content-Type", "application/json")
                    .header(TelegramWebhookController.SECRET_HEADER, SECRET)
                    .POST(HttpRequest.BodyPublishers.ofString(update))
                    .build();
            long sent = System.nanoTime();
            synchronized (posted) {
                posted.computeIfAbsent(user, u -> new ArrayList<>()).add(Instant.now());
            }
            requests.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .thenAccept(response -> acks.add((System.nanoTime() - sent) / 1e6)));
        }
        CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).join();
        await().atMost(Duration.ofMinutes(3))
                .until(() -> telegram.calls("sendMessage").size() - before >= total);
        List<FakeTelegram.Call> replies = telegram.calls("sendMessage").subList(before, before + total);
        Map<Long, Integer> seen = new HashMap<>();
        List<Double> endToEnd = new ArrayList<>();
        Instant first = Instant.MAX;
        Instant last = Instant.MIN;
        for (FakeTelegram.Call reply : replies) {
            long chat = Long.parseLong(reply.param("chat_id"));
            int index = seen.merge(chat, 1, Integer::sum) - 1;
            Instant in = posted.get(chat).get(index);
            endToEnd.add(Duration.between(in, reply.at()).toNanos() / 1e6);
            first = in.isBefore(first) ? in : first;
            last = reply.at().isAfter(last) ? reply.at() : last;
        }
        return new Step(acks, endToEnd, total / (Duration.between(first, last).toNanos() / 1e9));
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
        Actor owner = context.getBean(ApiKeyService.class)
                .authenticate(AlfredProperties.OWNER_KEY)
                .orElseThrow();
        UserService users = context.getBean(UserService.class);
        LinkCodeService links = context.getBean(LinkCodeService.class);
        for (long u = 1; u <= USERS; u++) {
            var user = users.create(owner, new UserInput("Bench " + u, null, Role.EMPLOYEE, null, null, null, null));
            links.redeem(links.create(owner, user.id()).code(), "alfred", "telegram", Long.toString(u));
        }
    }
}
