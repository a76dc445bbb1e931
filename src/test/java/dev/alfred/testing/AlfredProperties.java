package dev.alfred.testing;

import java.util.HashMap;
import java.util.Map;

/** Configuration for a test instance of Alfred: a fresh database and a known owner key. */
public final class AlfredProperties {

    /** The API key of the default tenant's ceo, set through {@code ALFRED_BOOTSTRAP_API_KEY}. */
    public static final String OWNER_KEY = "alf_test-owner-key";

    /** A JWT secret long enough for HS256. */
    public static final String JWT_SECRET = "a-test-secret-that-is-long-enough-for-hs256";

    private AlfredProperties() {}

    /** A fresh database, the owner key, the JWT secret, a random port, plus {@code extra} key-value pairs. */
    public static Map<String, String> fresh(String... extra) {
        Map<String, String> properties = new HashMap<>(TestDatabase.freshDatabase());
        properties.put("alfred.bootstrap.api-key", OWNER_KEY);
        properties.put("alfred.jwt-secret", JWT_SECRET);
        properties.put("micronaut.server.port", "-1");
        for (int i = 0; i + 1 < extra.length; i += 2) {
            properties.put(extra[i], extra[i + 1]);
        }
        return properties;
    }
}
