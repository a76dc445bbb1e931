package dev.alfred.bench;

import static org.awaitility.Awaitility.await;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts platform requests at a fixed rate and matches the replies the fake platform received:
 * the acknowledgement latency of each request, and the end-to-end latency until its reply.
 */
public final class WebhookLoad {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookLoad.class);

    /** A request to post; replies carrying the same key answer the key's requests in order. */
    public record Message(String key, PlainHttp.Post request) {}

    /** A reply the fake platform received: the key of the request it answers, and when. */
    public record Reply(String key, Instant at) {}

    /** One step's latencies in milliseconds, its reply throughput and the CPU time it used. */
    public record Step(List<Double> acks, List<Double> endToEnd, double repliesPerSecond, CpuMeter.Reading cpu) {}

    private WebhookLoad() {}

    /** A report with the columns every webhook benchmark prints. */
    public static BenchReport report(String name) {
        return new BenchReport(
                name,
                "offered msg/s",
                "ack p50 ms",
                "ack p99 ms",
                "replies/s",
                "e2e p50 ms",
                "e2e p99 ms",
                "messages",
                "JVM CPU ms/msg",
                "DB CPU ms/msg",
                "JIT ms");
    }

    /**
     * One step of acknowledgements alone: their latencies in milliseconds, the rate answered, the refusals and the
     * CPU time used.
     */
    private record Acks(List<Double> latencies, double perSecond, int refused, CpuMeter.Reading cpu) {}

    /** The rates of the end-to-end steps, in messages per second. */
    public static final List<Integer> RATES = List.of(20, 100, 250, 500, 750, 1000);

    private static final List<Integer> ACK_RATES = List.of(250, 500, 1000, 1500, 2000);

    /**
     * Runs {@code round}, a second of messages at the rate given, at each of the steps' {@code rates} in turn, cycle
     * after cycle, until the JIT compiler spends less than 2 % of a cycle compiling (for at most three minutes), so
     * that the steps measure Alfred as it runs for days, not the compiler. Rounds at one rate are not enough: after
     * rounds at 1,000/s alone, the compiler went on compiling for 0.5–1.7 s of each 5-second step at 500, 750 and
     * 1,000/s, as the code met loads it had not been compiled for; rounds at 250/s alone left code compiled for small
     * batches, which cost 1.16–1.27 ms of JVM CPU per message at 1,000/s against 0.76–0.89.
     */
    public static void warmUp(List<Integer> rates, IntConsumer round) {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long start = System.nanoTime();
        long deadline = start + Duration.ofMinutes(3).toNanos();
        double compiling;
        do {
            long compiled = jit.getTotalCompilationTime();
            long began = System.nanoTime();
            for (int rate : rates) {
                round.accept(rate);
            }
            compiling = (jit.getTotalCompilationTime() - compiled) / ((System.nanoTime() - began) / 1e6);
        } while (compiling >= 0.02 && System.nanoTime() < deadline);
        LOG.info(
                "Warmed up in {} s; the JIT compiler spent {} % of the last cycle compiling",
                Math.round((System.nanoTime() - start) / 1e9), Math.round(compiling * 100));
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
    public static void ackSteps(String name, Duration step, CpuMeter cpu, IntFunction<Message> messages) {
        BenchReport report = new BenchReport(
                name,
                "offered msg/s",
                "acked/s",
                "ack p50 ms",
                "ack p99 ms",
                "ack max ms",
                "not 200",
                "JVM CPU ms/msg",
                "DB CPU ms/msg",
                "JIT ms");
        try (PlainHttp http = new PlainHttp()) {
            warmUp(ACK_RATES, rate -> acks(http, rate, Duration.ofSeconds(1), cpu, messages));
            for (int rate : ACK_RATES) {
                row(report, rate, acks(http, rate, step, cpu, messages));
            }
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
                acks.refused(),
                CpuMeter.perMessage(acks.cpu().jvm(), acks.latencies().size()),
                CpuMeter.perMessage(acks.cpu().database(), acks.latencies().size()),
                acks.cpu().compiling());
    }

    /** Posts {@code rate * duration} messages at a fixed rate and measures their acknowledgements only. */
    private static Acks acks(PlainHttp http, int rate, Duration duration, CpuMeter cpu, IntFunction<Message> messages) {
        int total = (int) (rate * duration.toMillis() / 1000);
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger refused = new AtomicInteger();
        CpuMeter.Reading before = cpu.read();
        long start = System.nanoTime();
        post(http, rate, total, messages, message -> {}, (status, millis) -> {
            latencies.add(millis);
            if (status != 200) {
                refused.incrementAndGet();
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Acks(latencies, total / seconds, refused.get(), cpu.read().since(before));
    }

    /** What a posted request got: its status (0 if it failed) and how long it took, in milliseconds. */
    private interface Answered {
        void accept(int status, double millis);
    }

    /**
     * Posts {@code total} messages at {@code rate} per second, each from its own virtual thread, and returns once
     * every one is answered. {@code posting} sees each message just before it is sent.
     */
    private static void post(
            PlainHttp http,
            int rate,
            int total,
            IntFunction<Message> messages,
            Consumer<Message> posting,
            Answered answered) {
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < total; i++) {
                LockSupport.parkNanos(start + i * interval - System.nanoTime());
                Message message = messages.apply(i);
                posting.accept(message);
                long sent = System.nanoTime();
                requests.execute(() -> {
                    int status = 0;
                    try {
                        status = http.send(message.request());
                    } finally {
                        answered.accept(status, (System.nanoTime() - sent) / 1e6);
                    }
                });
            }
        }
    }

    public static void row(BenchReport report, int rate, Step step) {
        report.row(
                rate,
                BenchReport.fixed(BenchReport.percentile(step.acks(), 50)),
                BenchReport.fixed(BenchReport.percentile(step.acks(), 99)),
                BenchReport.fixed(step.repliesPerSecond()),
                BenchReport.fixed(BenchReport.percentile(step.endToEnd(), 50)),
                BenchReport.fixed(BenchReport.percentile(step.endToEnd(), 99)),
                step.acks().size(),
                CpuMeter.perMessage(step.cpu().jvm(), step.acks().size()),
                CpuMeter.perMessage(step.cpu().database(), step.acks().size()),
                step.cpu().compiling());
    }

    /**
     * Posts {@code rate * duration} messages at a fixed rate, waits for as many new replies, and
     * matches them to the messages.
     */
    public static Step run(
            PlainHttp http,
            int rate,
            Duration duration,
            CpuMeter cpu,
            IntFunction<Message> messages,
            Supplier<List<Reply>> replies) {
        int total = (int) (rate * duration.toMillis() / 1000);
        int before = replies.get().size();
        Map<String, List<Instant>> posted = new HashMap<>();
        List<Double> acks = Collections.synchronizedList(new ArrayList<>());
        CpuMeter.Reading used = cpu.read();
        post(
                http,
                rate,
                total,
                messages,
                message -> posted.computeIfAbsent(message.key(), k -> new ArrayList<>())
                        .add(Instant.now()),
                (status, millis) -> acks.add(millis));
        await().atMost(Duration.ofMinutes(3)).until(() -> replies.get().size() - before >= total);
        used = cpu.read().since(used);
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
                acks, endToEnd, endToEnd.size() / (Duration.between(first, last).toNanos() / 1e9), used);
    }
}
