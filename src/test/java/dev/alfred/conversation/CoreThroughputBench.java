package dev.alfred.conversation;

import static org.awaitility.Awaitility.await;

import dev.alfred.bench.BenchReport;
import dev.alfred.bench.CpuMeter;
import dev.alfred.bench.WebhookLoad;
import dev.alfred.channel.Inbound;
import dev.alfred.channel.InboundSink;
import dev.alfred.testing.AlfredProperties;
import dev.alfred.testing.FakeChannel;
import dev.alfred.testing.TestDatabase;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * The conversation core end to end without a platform: {@code /whoami} messages accepted into the
 * inbox at fixed rates across 50 users and chats, answered through dispatcher, router and outbox
 * to an in-memory channel. Reports achieved messages/s and accept-to-delivery latency.
 * Run with {@code ./mvnw -Pbench verify}.
 */
class CoreThroughputBench {

    private static final int USERS = 50;
    private static final List<Integer> RATES = List.of(100, 250, 500, 750, 1000, 1500);
    private static final Duration STEP = Duration.ofSeconds(5);
    private static final AtomicInteger ROUNDS = new AtomicInteger();

    @Test
    void throughput_and_latency_at_fixed_rates() {
        Map<String, Object> properties = new HashMap<>(TestDatabase.properties(TestDatabase.create()));
        properties.put("alfred.bootstrap.api-key", AlfredProperties.OWNER_KEY);
        properties.put("datasources.default.maximum-pool-size", "40");
        properties.put("alfred.dispatcher.workers", "24");
        properties.put("alfred.outbox.workers", "24");
        String[] settings = ConversationFixture.settings();
        for (int i = 0; i + 1 < settings.length; i += 2) {
            properties.put(settings[i], settings[i + 1]);
        }
        BenchReport report = new BenchReport(
                "core-end-to-end",
                "offered msg/s",
                "achieved msg/s",
                "p50 ms",
                "p99 ms",
                "max ms",
                "messages",
                "JVM CPU ms/msg",
                "DB CPU ms/msg",
                "JIT ms");
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            ConversationFixture fixture = new ConversationFixture(context);
            for (int u = 0; u < USERS; u++) {
                fixture.linkedUser("bench-" + u);
            }
            InboundSink inbox = context.getBean(InboundSink.class);
            FakeChannel channel = context.getBean(FakeChannel.class);
            CpuMeter cpu = CpuMeter.of(context);
            WebhookLoad.warmUp(RATES, rate -> run(inbox, channel, cpu, rate, Duration.ofSeconds(1)));
            for (int rate : RATES) {
                Result result = run(inbox, channel, cpu, rate, STEP);
                report.row(
                        rate,
                        BenchReport.fixed(result.throughput()),
                        BenchReport.fixed(BenchReport.percentile(result.latencies(), 50)),
                        BenchReport.fixed(BenchReport.percentile(result.latencies(), 99)),
                        BenchReport.fixed(BenchReport.percentile(result.latencies(), 100)),
                        result.latencies().size(),
                        CpuMeter.perMessage(
                                result.cpu().jvm(), result.latencies().size()),
                        CpuMeter.perMessage(
                                result.cpu().database(), result.latencies().size()),
                        result.cpu().compiling());
            }
        }
        report.publish();
    }

    private record Result(double throughput, List<Double> latencies, CpuMeter.Reading cpu) {}

    private static Result run(InboundSink inbox, FakeChannel channel, CpuMeter cpu, int rate, Duration duration) {
        channel.reset();
        int round = ROUNDS.incrementAndGet(); // event ids differ between rounds, or the inbox drops them as duplicates
        int total = (int) (rate * duration.toMillis() / 1000);
        Map<String, Instant> accepted = new ConcurrentHashMap<>();
        long interval = 1_000_000_000L / rate;
        CpuMeter.Reading used = cpu.read();
        long start = System.nanoTime();
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < total; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                String user = "bench-" + (i % USERS);
                Inbound event = ConversationFixture.event(
                        "bench-" + round + "-" + i, user, "chat-" + user, Inbound.Kind.COMMAND, "whoami");
                senders.submit(() -> {
                    accepted.put(event.eventId(), Instant.now());
                    inbox.accept(event);
                });
            }
        }
        await().atMost(Duration.ofMinutes(2)).until(() -> channel.delivered().size() >= total);
        used = cpu.read().since(used);
        List<FakeChannel.Attempt> delivered = channel.delivered();
        List<Double> latencies = new ArrayList<>();
        Instant first = Instant.MAX;
        Instant last = Instant.MIN;
        for (FakeChannel.Attempt attempt : delivered) {
            Instant in = accepted.get(eventIdOf(attempt));
            if (in != null) {
                latencies.add(Duration.between(in, attempt.at()).toNanos() / 1e6);
                first = in.isBefore(first) ? in : first;
                last = attempt.at().isAfter(last) ? attempt.at() : last;
            }
        }
        double seconds = Duration.between(first, last).toNanos() / 1e9;
        return new Result(latencies.size() / seconds, latencies, used);
    }

    private static String eventIdOf(FakeChannel.Attempt attempt) {
        return attempt.message().replyAddress().getOrDefault("event", "");
    }
}
