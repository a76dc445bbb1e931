package dev.alfred.identity;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.alfred.testing.TestDatabase;
import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class BootstrapTest {

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(Bootstrap.class);

    @BeforeEach
    void captureLog() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        logger.detachAppender(log);
    }

    @Test
    void first_start_creates_the_default_tenant_and_logs_a_generated_owner_key_once() {
        String url = TestDatabase.create();
        String key;
        try (ApplicationContext first = ApplicationContext.run(properties(url, ""))) {
            key = loggedKey();
            Actor owner = first.getBean(ApiKeyService.class).authenticate(key).orElseThrow();
            assertThat(owner.role()).isEqualTo(Role.CEO);
            Tenant tenant = first.getBean(TenantService.class).get(owner.tenantId());
            assertThat(tenant.slug()).isEqualTo("default");
            assertThat(tenant.operator()).isTrue();
        }
        log.list.clear();
        try (ApplicationContext second = ApplicationContext.run(properties(url, "alf_ignored-after-first-start"))) {
            assertThat(log.list).isEmpty();
            ApiKeyService keys = second.getBean(ApiKeyService.class);
            assertThat(keys.authenticate(key)).isPresent();
            assertThat(keys.authenticate("alf_ignored-after-first-start")).isEmpty();
        }
    }

    @Test
    void the_configured_bootstrap_key_becomes_the_owners_key_and_is_not_logged() {
        String url = TestDatabase.create();
        try (ApplicationContext context = ApplicationContext.run(properties(url, "alf_chosen-by-the-operator"))) {
            assertThat(context.getBean(ApiKeyService.class).authenticate("alf_chosen-by-the-operator"))
                    .hasValueSatisfying(owner -> assertThat(owner.role()).isEqualTo(Role.CEO));
            assertThat(log.list)
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .noneMatch(line -> line.contains("alf_chosen-by-the-operator"));
        }
    }

    @Test
    void two_instances_starting_together_create_one_tenant() {
        String url = TestDatabase.create();
        CompletableFuture<ApplicationContext> a =
                CompletableFuture.supplyAsync(() -> ApplicationContext.run(properties(url, "")));
        CompletableFuture<ApplicationContext> b =
                CompletableFuture.supplyAsync(() -> ApplicationContext.run(properties(url, "")));
        try (ApplicationContext first = a.join();
                ApplicationContext second = b.join()) {
            assertThat(first.getBean(TenantService.class).findBySlug("default")).isPresent();
            assertThat(second.getBean(UserService.class)
                            .list(first.getBean(TenantService.class)
                                    .findBySlug("default")
                                    .orElseThrow()
                                    .id()))
                    .hasSize(1);
            assertThat(log.list)
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .filteredOn(line -> line.startsWith("First start"))
                    .hasSize(1);
        }
    }

    private String loggedKey() {
        List<String> lines =
                log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).hasSize(1);
        Matcher key = Pattern.compile("(alf_[A-Za-z0-9_-]{43})$").matcher(lines.getFirst());
        assertThat(key.find())
                .as("a generated key at the end of: %s", lines.getFirst())
                .isTrue();
        return key.group(1);
    }

    private static Map<String, Object> properties(String url, String apiKey) {
        Map<String, Object> properties = new HashMap<>(TestDatabase.properties(url));
        properties.put("alfred.bootstrap.api-key", apiKey);
        return properties;
    }
}
