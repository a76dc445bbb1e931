package dev.alfred.channel.discord;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;

/** Where Discord is and how long to wait for it; tests point the URLs at a local fake. */
@Singleton
class DiscordSettings {

    private final String apiUrl;
    private final String gatewayUrl;
    private final Duration readyTimeout;
    private final Duration sendTimeout;
    private final Duration maxClockSkew;
    private final String shardTotal;
    private final String shards;

    DiscordSettings(
            @Value("${alfred.discord.api-url:https://discord.com/api/v10/}") String apiUrl,
            @Value("${alfred.discord.gateway-url:}") String gatewayUrl,
            @Value("${alfred.discord.ready-timeout:30s}") Duration readyTimeout,
            @Value("${alfred.discord.send-timeout:20s}") Duration sendTimeout,
            @Value("${alfred.discord.max-clock-skew:5m}") Duration maxClockSkew,
            @Value("${alfred.discord.shard-total:1}") String shardTotal,
            @Value("${alfred.discord.shards:}") String shards) {
        this.apiUrl = apiUrl.endsWith("/") ? apiUrl : apiUrl + "/";
        this.gatewayUrl = gatewayUrl.strip();
        this.readyTimeout = readyTimeout;
        this.sendTimeout = sendTimeout;
        this.maxClockSkew = maxClockSkew;
        this.shardTotal = shardTotal.strip();
        this.shards = shards;
    }

    /** The REST base URL, ending in {@code /api/v10/}. */
    String apiUrl() {
        return apiUrl;
    }

    /** The gateway URL, empty for JDA's default. */
    String gatewayUrl() {
        return gatewayUrl;
    }

    Duration readyTimeout() {
        return readyTimeout;
    }

    Duration sendTimeout() {
        return sendTimeout;
    }

    Duration maxClockSkew() {
        return maxClockSkew;
    }

    /**
     * This instance's shards; checked when each bot starts, so that a bad value leaves Discord DOWN with
     * the reason instead of stopping the application.
     *
     * @throws IllegalArgumentException naming the keys and what is wrong
     */
    ShardRange shardRange() {
        int total;
        try {
            total = Integer.parseInt(shardTotal);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "alfred.discord.shard-total must be a whole number, not '" + shardTotal + "'", e);
        }
        return ShardRange.parse(shards, total);
    }
}
