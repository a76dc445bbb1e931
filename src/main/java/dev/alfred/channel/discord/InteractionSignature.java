package dev.alfred.channel.discord;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * Checks Discord's Ed25519 signature of an HTTP interaction over {@code timestamp + raw body}, with
 * the JDK only, and refuses timestamps further than the allowed clock skew from now (replays).
 */
final class InteractionSignature {

    /** The DER prefix that makes a raw 32-byte Ed25519 key an X.509 SubjectPublicKeyInfo. */
    private static final String ED25519_PREFIX = "302a300506032b6570032100";

    private final @Nullable PublicKey key;
    private final Duration maxSkew;

    InteractionSignature(String hexKey, Duration maxSkew) {
        this.key = parse(hexKey);
        this.maxSkew = maxSkew;
    }

    boolean valid(@Nullable String signatureHex, @Nullable String timestamp, byte[] body, Instant now) {
        if (key == null || signatureHex == null || timestamp == null || !fresh(timestamp, now)) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(timestamp.getBytes(StandardCharsets.UTF_8));
            verifier.update(body);
            return verifier.verify(HexFormat.of().parseHex(signatureHex));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private boolean fresh(String timestamp, Instant now) {
        try {
            Instant signed = Instant.ofEpochSecond(Long.parseLong(timestamp.strip()));
            return Duration.between(signed, now).abs().compareTo(maxSkew) <= 0;
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return false;
        }
    }

    private static @Nullable PublicKey parse(String hexKey) {
        try {
            byte[] der = HexFormat.of().parseHex(ED25519_PREFIX + hexKey.strip());
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return null; // a malformed key verifies nothing
        }
    }
}
