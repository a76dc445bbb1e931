package dev.alfred.conversation;

import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-chat and per-bot-channel send rates, as token buckets, so that Alfred stays inside each
 * platform's published limits: {@code alfred.channels.<channel>.per-chat-rate},
 * {@code .group-chat-rate} (group chats, where a platform says they differ) and {@code .global-rate}
 * in messages per second (0: unlimited). A 429 pauses the chat's bucket.
 * The state is per instance; a platform's 429 is what keeps several instances honest.
 */
@Singleton
class RateLimits {

    private static final int PER_CHAT = 0;
    private static final int GLOBAL = 1;
    private static final int GROUP_CHAT = 2;
    private static final String[] PROPERTIES = {".per-chat-rate", ".global-rate", ".group-chat-rate"};

    /** Per chat, per bot and channel, per group chat. */
    private static final Map<String, double[]> DEFAULTS = Map.of(
            "telegram", new double[] {1, 30, 20 / 60.0},
            "slack", new double[] {1, 50, 1},
            "discord", new double[] {5, 50, 5},
            "console", new double[] {0, 0, 0});

    private final Environment environment;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimits(Environment environment) {
        this.environment = environment;
    }

    /** Reserves a send slot for the chat and returns how long to wait before using it. */
    Duration reserve(String bot, String channel, String chat, boolean group) {
        long now = System.nanoTime();
        long global = bucket(bot + "/" + channel, channel, GLOBAL).reserve(now);
        long perChat = bucket(bot + "/" + channel + "/" + chat, channel, group ? GROUP_CHAT : PER_CHAT)
                .reserve(now);
        return Duration.ofNanos(Math.max(global, perChat));
    }

    /** Holds the chat back for {@code pause}, e.g. after a platform's retry-after (its bucket exists: it was reserved). */
    void pause(String bot, String channel, String chat, Duration pause) {
        bucket(bot + "/" + channel + "/" + chat, channel, PER_CHAT).pause(System.nanoTime(), pause.toNanos());
    }

    private Bucket bucket(String key, String channel, int which) {
        if (buckets.size() > 100_000) {
            buckets.clear(); // idle chats come back with a full bucket, which the limits allow
        }
        return buckets.computeIfAbsent(key, k -> {
            double[] defaults = DEFAULTS.getOrDefault(channel, new double[] {1, 30, 1});
            double rate = environment
                    .getProperty("alfred.channels." + channel + PROPERTIES[which], Double.class)
                    .orElse(defaults[which]);
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
