package dev.alfred.channel.console;

import static dev.alfred.testing.AlfredProperties.OWNER_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alfred.testing.AlfredProperties;
import dev.alfred.testing.ApiClient;
import dev.alfred.testing.Users;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The whole path through the console channel: inbox, dispatcher, router, outbox, delivery. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleChannelTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    ApiClient api;

    @Override
    public Map<String, String> getProperties() {
        return AlfredProperties.fresh();
    }

    @BeforeAll
    void connect() {
        api = new ApiClient(server.getURI());
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> say(String key, String json) {
        ApiClient.Response response = api.post("/api/v1/console/messages", key, json);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json()).containsEntry("complete", true);
        return (List<Map<String, Object>>) response.json().get("replies");
    }

    @Test
    void whoami_answers_with_the_callers_identity_and_a_card() {
        List<Map<String, Object>> replies = say(OWNER_KEY, "{\"text\": \"/whoami\"}");
        assertThat(replies).singleElement().satisfies(reply -> {
            assertThat(reply.get("text").toString()).contains("Owner").contains("ceo");
            assertThat(reply).containsKey("card");
        });
    }

    @Test
    void help_lists_only_what_the_user_may_do() {
        Users.Created employee = Users.of(api, OWNER_KEY).role("employee").create();
        String help = say(employee.key(), "{\"text\": \"/help\"}")
                .getFirst()
                .get("text")
                .toString();
        assertThat(help).contains("/whoami").contains("/reset").contains("/link");
    }

    @Test
    void free_text_is_answered() {
        List<Map<String, Object>> replies = say(OWNER_KEY, "{\"text\": \"hello there\"}");
        assertThat(replies)
                .singleElement()
                .satisfies(reply -> assertThat(reply.get("text").toString()).isNotBlank());
    }

    @Test
    void an_unknown_command_is_explained() {
        String text = say(OWNER_KEY, "{\"text\": \"/frobnicate now\"}")
                .getFirst()
                .get("text")
                .toString();
        assertThat(text).contains("/frobnicate").contains("/help");
    }

    @Test
    void speaking_as_someone_else_needs_admin_console_and_their_tenant() {
        Users.Created employee = Users.of(api, OWNER_KEY).role("employee").create();
        Users.Created other = Users.of(api, OWNER_KEY).role("employee").create();
        ApiClient.Response refused = api.post(
                "/api/v1/console/messages",
                employee.key(),
                "{\"userId\": \"%s\", \"text\": \"/whoami\"}".formatted(other.id()));
        assertThat(refused.status()).isEqualTo(403);

        List<Map<String, Object>> asOther =
                say(OWNER_KEY, "{\"userId\": \"%s\", \"text\": \"/whoami\"}".formatted(other.id()));
        assertThat(asOther.getFirst().get("text").toString()).contains("employee");
    }

    @Test
    void the_console_page_is_served_at_the_root() {
        ApiClient.Response page = api.send("GET", "/", null, null, "text/html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Alfred console").contains("/api/v1/console/messages");
        assertThat(api.get("/health", null).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/users", null).status()).isEqualTo(401);
    }

    @Test
    void an_empty_message_is_400() {
        assertThat(api.post("/api/v1/console/messages", OWNER_KEY, "{\"text\": \"  \"}")
                        .status())
                .isEqualTo(400);
    }
}
