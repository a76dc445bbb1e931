package dev.alfred.channel.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Ed25519 verification of HTTP interactions with JDK classes only. */
class InteractionSignatureTest {

    static final String BODY = "{\"type\":1}";
    final Ed25519Signer discord = new Ed25519Signer();
    final InteractionSignature signature = new InteractionSignature(discord.publicKeyHex(), Duration.ofMinutes(5));
    final Instant now = Instant.ofEpochSecond(1_760_000_000L);
    final String timestamp = Long.toString(now.getEpochSecond());

    boolean valid(String signatureHex, String timestamp, String body) {
        return signature.valid(signatureHex, timestamp, body.getBytes(StandardCharsets.UTF_8), now);
    }

    @Test
    void a_signature_over_timestamp_and_body_is_valid() {
        assertThat(valid(discord.sign(timestamp, BODY), timestamp, BODY)).isTrue();
    }

    @Test
    void a_changed_body_or_timestamp_is_refused() {
        String signed = discord.sign(timestamp, BODY);
        assertThat(valid(signed, timestamp, "{\"type\":2}")).isFalse();
        assertThat(valid(signed, Long.toString(now.getEpochSecond() - 1), BODY)).isFalse();
    }

    @Test
    void a_stale_or_future_timestamp_is_refused_even_when_signed() {
        String stale = Long.toString(now.minus(Duration.ofMinutes(6)).getEpochSecond());
        String future = Long.toString(now.plus(Duration.ofMinutes(6)).getEpochSecond());
        assertThat(valid(discord.sign(stale, BODY), stale, BODY)).isFalse();
        assertThat(valid(discord.sign(future, BODY), future, BODY)).isFalse();
    }

    @Test
    void another_key_garbage_and_missing_headers_are_refused() {
        assertThat(valid(new Ed25519Signer().sign(timestamp, BODY), timestamp, BODY))
                .isFalse();
        assertThat(valid("zz-not-hex", timestamp, BODY)).isFalse();
        assertThat(valid(null, timestamp, BODY)).isFalse();
        assertThat(valid(discord.sign(timestamp, BODY), null, BODY)).isFalse();
        assertThat(valid(discord.sign("yesterday", BODY), "yesterday", BODY)).isFalse();
    }

    @Test
    void a_malformed_public_key_verifies_nothing() {
        InteractionSignature broken = new InteractionSignature("not-a-key", Duration.ofMinutes(5));
        assertThat(broken.valid(discord.sign(timestamp, BODY), timestamp, BODY.getBytes(StandardCharsets.UTF_8), now))
                .isFalse();
    }
}
