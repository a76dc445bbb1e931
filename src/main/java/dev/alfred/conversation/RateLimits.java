package dev.alfred.conversation;

import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-chat and per-bot-channel send rates, as token buckets, so that Alfred stays inside each
 * platform's published limits: {@code alfred.channels.<channel>.per-chat-rate} and
 * {@code .global-rate} in messages per second (0: unlimited). A 429 pauses the chat's bucket.
 * The state is per instance; a platform's 429 is what keeps several instances honest.
 */
@Singleton
class RateLimits {

    private static final Map<String, double[]> DEFAULTS = Map.of(
            "telegram", new double[] {1, 30},
            "slack", new double[] {1, 50},
            "discord", new double[] {5, 50},
            "console", new double[] {0, 0});

    private final Environment environment;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimits(Environment environment) {
        this.environment = environment;
    }

    /** Reserves a send slot for the chat and returns how long to wait before using it. */
    Duration reserve(String bot, String channel, String chat) {
        long now = System.nanoTime();
        long global = bucket(bot + "/" + channel, channel, 1).reserve(now);
        long perChat = bucket(bot + "/" + channel + "/" + chat, channel, 0).reserve(now);
        return Duration.ofNanos(Math.max(global, perChat));
    }

    /** Holds the chat back for {@code pause}, e.g. after a platform's retry-after. */
    void pause(String bot, String channel, String chat, Duration pause) {
        bucket(bot + "/" + channel + "/" + chat, channel, 0).pause(System.nanoTime(), pause.toNanos());
    }

    private Bucket bucket(String key, String channel, int which) {
        if (buckets.size() > 100_000) {
            buckets.clear(); // idle chats come back with a full bucket, which the limits allow
        }
        return buckets.computeIfAbsent(key, k -> {
            double[] defaults = DEFAULTS.getOrDefault(channel, new double[] {1, 30});
            String property = "alfred.channels." + channel + (which == 0 ? ".per-chat-rate" : ".global-rate");
            double rate = environment.getProperty(property, Double.class).orElse(defaults[which]);
            return new Bucket(rate);
        });
    }

    /** Generic cell rate algorithm: one token per 1/rate seconds, bursts of up to max(1, rate). */
    private static final class Bucket {
        private final long interval;
        private final long tolerance;
        private long theoreticalArrival;

        Bucket(double rate) {
            this.interval = rate <= 0 ? 0 : (long) (1_000_000_000L / rate);
            this.tolerance = (long) ((Math.max(1, rate) - 1) * interval);
        }

        synchronized long reserve(long now) {
            if (interval == 0) {
                return 0;
            }
            long arrival = Math.max(theoreticalArrival, now);
            long wait = Math.max(0, arrival - tolerance - now);
            theoreticalArrival = arrival + interval;
            return wait;
        }

        synchronized void pause(long now, long pause) {
            theoreticalArrival = Math.max(theoreticalArrival, now + pause + tolerance);
        }
    }
}
