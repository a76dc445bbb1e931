package dev.alfred.bench;

import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Posts platform requests at a fixed rate and matches the replies the fake platform received:
 * the acknowledgement latency of each request, and the end-to-end latency until its reply.
 */
public final class WebhookLoad {

    /** A request to post; replies carrying the same key answer the key's requests in order. */
    public record Message(String key, HttpRequest request) {}

    /** A reply the fake platform received: the key of the request it answers, and when. */
    public record Reply(String key, Instant at) {}

    /** One step's latencies in milliseconds and its reply throughput. */
    public record Step(List<Double> acks, List<Double> endToEnd, double repliesPerSecond) {}

    private WebhookLoad() {}

    /** A report with the columns every webhook benchmark prints. */
    public static BenchReport report(String name) {
        return new BenchReport(
                name, "offered msg/s", "ack p50 ms", "ack p99 ms", "replies/s", "e2e p50 ms", "e2e p99 ms", "messages");
    }

    /** One step of acknowledgements alone: their latencies in milliseconds, the rate answered and the refusals. */
    private record Acks(List<Double> latencies, double perSecond, int refused) {}

    /** The client that posts the requests, on virtual threads. */
    public static HttpClient client() {
        return HttpClient.newBuilder()
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    /**
     * Settings for an instance that stores events but neither dispatches nor sends
     * ({@code alfred.dispatcher.enabled} and {@code alfred.outbox.enabled} false), as one that only takes requests.
     */
    public static Map<String, Object> acksAlone(Map<String, Object> properties) {
        properties.put("alfred.dispatcher.enabled", "false");
        properties.put("alfred.outbox.enabled", "false");
        return properties;
    }

    /**
     * Measures acknowledgements alone at rates up to 2,000/s after a warm-up, and publishes the table as
     * {@code name}.
     */
    public static void ackSteps(String name, Duration step, IntFunction<Message> messages) {
        BenchReport report =
                new BenchReport(name, "offered msg/s", "acked/s", "ack p50 ms", "ack p99 ms", "ack max ms", "not 200");
        HttpClient http = client();
        acks(http, 500, Duration.ofSeconds(3), messages); // warm-up
        for (int rate : new int[] {250, 500, 1000, 1500, 2000}) {
            row(report, rate, acks(http, rate, step, messages));
        }
        report.publish();
    }

    private static void row(BenchReport report, int rate, Acks acks) {
        report.row(
                rate,
                BenchReport.fixed(acks.perSecond()),
                BenchReport.fixed(BenchReport.percentile(acks.latencies(), 50)),
                BenchReport.fixed(BenchReport.percentile(acks.latencies(), 99)),
                BenchReport.fixed(BenchReport.percentile(acks.latencies(), 100)),
                acks.refused());
    }

    /** Posts {@code rate * duration} messages at a fixed rate and measures their acknowledgements only. */
    private static Acks acks(HttpClient http, int rate, Duration duration, IntFunction<Message> messages) {
        int total = (int) (rate * duration.toMillis() / 1000);
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger refused = new AtomicInteger();
        List<CompletableFuture<?>> requests = new ArrayList<>();
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            LockSupport.parkNanos(start + i * interval - System.nanoTime());
            HttpRequest request = messages.apply(i).request();
            long sent = System.nanoTime();
            requests.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .thenAccept(response -> {
                        latencies.add((System.nanoTime() - sent) / 1e6);
                        if (response.statusCode() != 200) {
                            refused.incrementAndGet();
                        }
                    }));
        }
        CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).join();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Acks(latencies, total / seconds, refused.get());
    }

    public static void row(BenchReport report, int rate, Step step) {
        report.row(
                rate,
                BenchReport.fixed(BenchReport.percentile(step.acks(), 50)),
                BenchReport.fixed(BenchReport.percentile(step.acks(), 99)),
                BenchReport.fixed(step.repliesPerSecond()),
                BenchReport.fixed(BenchReport.percentile(step.endToEnd(), 50)),
                BenchReport.fixed(BenchReport.percentile(step.endToEnd(), 99)),
                step.acks().size());
    }

    /**
     * Posts {@code rate * duration} messages at a fixed rate, waits for as many new replies, and
     * matches them to the messages.
     */
    public static Step run(
            HttpClient http,
            int rate,
            Duration duration,
            IntFunction<Message> messages,
            Supplier<List<Reply>> replies) {
        int total = (int) (rate * duration.toMillis() / 1000);
        int before = replies.get().size();
        Map<String, List<Instant>> posted = new HashMap<>();
        List<Double> acks = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<?>> requests = new ArrayList<>();
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            LockSupport.parkNanos(start + i * interval - System.nanoTime());
            Message message = messages.apply(i);
            posted.computeIfAbsent(message.key(), k -> new ArrayList<>()).add(Instant.now());
            long sent = System.nanoTime();
            requests.add(http.sendAsync(message.request(), HttpResponse.BodyHandlers.discarding())
                    .thenAccept(response -> acks.add((System.nanoTime() - sent) / 1e6)));
        }
        CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).join();
        await().atMost(Duration.ofMinutes(3)).until(() -> replies.get().size() - before >= total);
        Map<String, Integer> matched = new HashMap<>();
        List<Double> endToEnd = new ArrayList<>();
        Instant first = Instant.MAX;
        Instant last = Instant.MIN;
        for (Reply reply : replies.get().subList(before, before + total)) {
            List<Instant> sentAt = posted.get(reply.key());
            int index = matched.merge(reply.key(), 1, Integer::sum) - 1;
            if (sentAt == null || index >= sentAt.size()) {
                continue;
            }
            Instant in = sentAt.get(index);
            endToEnd.add(Duration.between(in, reply.at()).toNanos() / 1e6);
            first = in.isBefore(first) ? in : first;
            last = reply.at().isAfter(last) ? reply.at() : last;
        }
        return new Step(
                acks, endToEnd, endToEnd.size() / (Duration.between(first, last).toNanos() / 1e9));
    }
}
