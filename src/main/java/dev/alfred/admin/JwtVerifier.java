package dev.alfred.admin;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Checks admin JWTs signed with HS256 and {@code ALFRED_JWT_SECRET}: subject = user id, claim
 * {@code tenant} = tenant id, {@code exp} required. Without a secret every JWT is refused.
 */
@Singleton
class JwtVerifier {

    /** The user and tenant a valid token names. */
    record Subject(UUID userId, UUID tenantId) {}

    private final @Nullable MACVerifier verifier;
    private final Clock clock;

    JwtVerifier(@Value("${alfred.jwt-secret:}") String secret, Clock clock) {
        this.clock = clock;
        if (secret.isBlank()) {
            this.verifier = null;
            return;
        }
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < 32) {
            throw new IllegalStateException("ALFRED_JWT_SECRET must be at least 32 bytes long for HS256");
        }
        try {
            this.verifier = new MACVerifier(bytes);
        } catch (JOSEException e) {
            throw new IllegalStateException("ALFRED_JWT_SECRET cannot be used for HS256", e);
        }
    }

    static boolean looksLikeJwt(String token) {
        return token.chars().filter(c -> c == '.').count() == 2;
    }

    Optional<Subject> verify(String token) {
        if (verifier == null) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expires = claims.getExpirationTime();
            Date notBefore = claims.getNotBeforeTime();
            Date now = Date.from(clock.instant());
            if (expires == null || !expires.after(now) || (notBefore != null && notBefore.after(now))) {
                return Optional.empty();
            }
            String tenant = claims.getStringClaim("tenant");
            if (claims.getSubject() == null || tenant == null) {
                return Optional.empty();
            }
            return Optional.of(new Subject(UUID.fromString(claims.getSubject()), UUID.fromString(tenant)));
        } catch (ParseException | JOSEException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
