package dev.alfred.admin;

import static dev.alfred.testing.AlfredProperties.JWT_SECRET;
import static dev.alfred.testing.AlfredProperties.OWNER_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.alfred.testing.AlfredProperties;
import dev.alfred.testing.ApiClient;
import dev.alfred.testing.Users;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthenticationTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    ApiClient api;
    String tenantId;
    String ownerId;

    @Override
    public Map<String, String> getProperties() {
        return AlfredProperties.fresh();
    }

    @BeforeAll
    void connect() {
        api = new ApiClient(server.getURI());
        Map<String, Object> tenant =
                api.get("/api/v1/tenants/current", OWNER_KEY).json();
        tenantId = tenant.get("id").toString();
        ownerId =
                api.get("/api/v1/users", OWNER_KEY).list().getFirst().get("id").toString();
    }

    @Test
    void no_token_is_401_with_a_json_error() {
        ApiClient.Response response = api.get("/api/v1/users", null);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json()).containsEntry("error", "unauthorized").containsKey("detail");
    }

    @Test
    void a_wrong_key_or_scheme_is_401() {
        assertThat(api.get("/api/v1/users", "alf_not-a-key").status()).isEqualTo(401);
        ApiClient.Response basic = api.send("GET", "/api/v1/users", null, null, "application/json");
        assertThat(basic.status()).isEqualTo(401);
    }

    @Test
    void the_bootstrap_key_is_the_owner_and_may_list_users() {
        ApiClient.Response response = api.get("/api/v1/users", OWNER_KEY);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.list()).extracting(u -> u.get("role")).contains("ceo");
    }

    @Test
    void a_revoked_key_stops_working_at_once() {
        Users.Created admin = Users.of(api, OWNER_KEY).role("admin").create();
        assertThat(api.get("/api/v1/users", admin.key()).status()).isEqualTo(200);

        String keyId = api.get("/api/v1/api-keys", OWNER_KEY).list().stream()
                .filter(k -> k.get("userId").equals(admin.id()))
                .findFirst()
                .orElseThrow()
                .get("id")
                .toString();
        assertThat(api.delete("/api/v1/api-keys/" + keyId, OWNER_KEY).status()).isEqualTo(200);

        assertThat(api.get("/api/v1/users", admin.key()).status()).isEqualTo(401);
    }

    @Test
    void key_listings_never_show_the_secret() {
        Users.Created user = Users.of(api, OWNER_KEY).create();
        String listing = api.get("/api/v1/api-keys", OWNER_KEY).body();
        assertThat(listing).doesNotContain(user.key()).doesNotContain(OWNER_KEY).contains("\"prefix\"");
    }

    @Test
    void a_deactivated_users_key_is_refused() {
        Users.Created admin = Users.of(api, OWNER_KEY).role("admin").create();
        api.patch("/api/v1/users/" + admin.id(), OWNER_KEY, "{\"active\": false}");
        assertThat(api.get("/api/v1/users", admin.key()).status()).isEqualTo(401);
    }

    @Test
    void a_signed_jwt_acts_as_its_subject() throws Exception {
        String token = jwt(JWT_SECRET, ownerId, tenantId, Instant.now().plusSeconds(60));
        ApiClient.Response response = api.get("/api/v1/users", token);
        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void a_jwt_with_a_wrong_signature_expiry_or_tenant_is_401() throws Exception {
        Instant later = Instant.now().plusSeconds(60);
        String otherSecret = "another-secret-that-is-long-enough-for-hs256";
        assertThat(api.get("/api/v1/users", jwt(otherSecret, ownerId, tenantId, later))
                        .status())
                .isEqualTo(401);
        assertThat(api.get(
                                "/api/v1/users",
                                jwt(JWT_SECRET, ownerId, tenantId, Instant.now().minusSeconds(5)))
                        .status())
                .isEqualTo(401);
        String strangerTenant = "00000000-0000-0000-0000-000000000042";
        assertThat(api.get("/api/v1/users", jwt(JWT_SECRET, ownerId, strangerTenant, later))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void the_role_comes_from_the_user_not_from_the_token() throws Exception {
        Users.Created employee = Users.of(api, OWNER_KEY).role("employee").create();
        String token = jwt(JWT_SECRET, employee.id(), tenantId, Instant.now().plusSeconds(60), List.of("ceo"));
        ApiClient.Response response = api.get("/api/v1/users", token);
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json())
                .containsEntry("error", "forbidden")
                .containsEntry("detail", "not allowed: admin.users");
    }

    static String jwt(String secret, String subject, String tenant, Instant expires) throws Exception {
        return jwt(secret, subject, tenant, expires, List.of("ceo"));
    }

    static String jwt(String secret, String subject, String tenant, Instant expires, List<String> roles)
            throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .claim("tenant", tenant)
                .claim("roles", roles)
                .expirationTime(Date.from(expires))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret));
        return jwt.serialize();
    }
}
