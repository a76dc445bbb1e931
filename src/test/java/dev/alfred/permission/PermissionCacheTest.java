package dev.alfred.permission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.alfred.identity.Actor;
import dev.alfred.identity.ApiKeyService;
import dev.alfred.identity.Role;
import dev.alfred.identity.UserInput;
import dev.alfred.identity.UserService;
import dev.alfred.testing.AlfredProperties;
import dev.alfred.testing.TestDatabase;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Two instances on one database: a change is exact on the instance that made it and reaches the other within the TTL. */
class PermissionCacheTest {

    @Test
    void a_change_on_one_instance_reaches_the_other_within_the_cache_ttl() {
        String url = TestDatabase.create();
        Map<String, Object> properties = new HashMap<>(TestDatabase.properties(url));
        properties.put("alfred.bootstrap.api-key", AlfredProperties.OWNER_KEY);
        properties.put("alfred.permissions.cache-ttl", "300ms");
        try (ApplicationContext a = ApplicationContext.run(properties);
                ApplicationContext b = ApplicationContext.run(properties)) {
            Actor owner = a.getBean(ApiKeyService.class)
                    .authenticate(AlfredProperties.OWNER_KEY)
                    .orElseThrow();
            Actor manager = a.getBean(UserService.class)
                    .create(owner, new UserInput("Max", null, Role.MANAGER, null, null, null, null))
                    .asActor();
            PermissionService onA = a.getBean(PermissionService.class);
            PermissionService onB = b.getBean(PermissionService.class);
            assertThat(onA.check(manager, "metrics.arpa.view")).isTrue();
            assertThat(onB.check(manager, "metrics.arpa.view")).isTrue();

            onB.setRoleDefaults(owner, Role.MANAGER, Map.of("metrics.arpa.view", false));

            assertThat(onB.check(manager, "metrics.arpa.view")).isFalse();
            await().atMost(Duration.ofSeconds(3)).until(() -> !onA.check(manager, "metrics.arpa.view"));
            assertThat(onA.explain(manager, "metrics.arpa.view").reason())
                    .isEqualTo("role manager refuses it (tenant setting)");
        }
    }
}
