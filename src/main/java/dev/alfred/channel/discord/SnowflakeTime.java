package dev.alfred.channel.discord;

import java.time.Instant;

/** When a Discord id was created: its top 42 bits are milliseconds since Discord's epoch (2015). */
final class SnowflakeTime {

    private static final long DISCORD_EPOCH = 1_420_070_400_000L;

    private SnowflakeTime() {}

    static Instant of(String snowflake) {
        return Instant.ofEpochMilli((Long.parseUnsignedLong(snowflake) >>> 22) + DISCORD_EPOCH);
    }
}
