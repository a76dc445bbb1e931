package dev.alfred.channel.discord;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Recorded Discord payloads under {@code src/test/resources/dev/alfred/channel/discord/}, with {@code ${NAME}} placeholders. */
final class Fixtures {

    static final String BOT_ID = "1200000000000000001";
    static final String GUILD_ID = "1200000000000000010";
    static final String GUILD_CHANNEL_ID = "1200000000000000011";
    private static final long DISCORD_EPOCH = 1_420_070_400_000L;
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private Fixtures() {}

    static String load(String name, Map<String, String> values) {
        String text;
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        text = text.replace("${BOT_ID}", BOT_ID)
                .replace("${GUILD_ID}", GUILD_ID)
                .replace("${GUILD_CHANNEL_ID}", GUILD_CHANNEL_ID);
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("${" + value.getKey() + "}", value.getValue());
        }
        return text;
    }

    /** A new Discord id created now, so that interaction tokens count as fresh and events are new. */
    static String snowflake() {
        return Long.toString(
                ((System.currentTimeMillis() - DISCORD_EPOCH) << 22) | (SEQUENCE.incrementAndGet() & 0xFFF));
    }

    /** A snowflake created {@code agoMillis} ago. */
    static String snowflake(long agoMillis) {
        return Long.toString(((System.currentTimeMillis() - agoMillis - DISCORD_EPOCH) << 22)
                | (SEQUENCE.incrementAndGet() & 0xFFF));
    }
}
