package dev.alfred.channel.console;

import static dev.alfred.testing.AlfredProperties.OWNER_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.alfred.channel.Channel;
import dev.alfred.channel.Delivery;
import dev.alfred.channel.Inbound;
import dev.alfred.channel.Reply;
import dev.alfred.conversation.Channels;
import dev.alfred.conversation.Notifier;
import dev.alfred.testing.AlfredProperties;
import dev.alfred.testing.ApiClient;
import dev.alfred.testing.Users;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The whole path through the console channel: inbox, dispatcher, router, outbox, delivery. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleChannelTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    @Inject
    Notifier notifier;

    @Inject
    TransactionOperations<Connection> tx;

    @Inject
    Channels channels;

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

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> notifications(String key, String query) {
        ApiClient.Response response = api.get("/api/v1/console/messages" + query, key);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return (List<Map<String, Object>>) response.json().get("notifications");
    }

    void notify(Users.Created user, Reply reply) {
        UUID tenant =
                UUID.fromString(api.get("/api/v1/users/" + user.id(), OWNER_KEY).get("tenantId"));
        boolean reachable = tx.executeWrite(status -> notifier.notify(tenant, UUID.fromString(user.id()), reply));
        assertThat(reachable).isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_notification_for_a_console_user_is_handed_out_by_the_poll_once() {
        Users.Created employee = Users.of(api, OWNER_KEY).role("employee").create();
        say(employee.key(), "{\"text\": \"/whoami\"}"); // links the console account
        notify(
                employee,
                Reply.text("You have a *new task*")
                        .withCard(new Reply.Card(
                                "Call Acme",
                                List.of(new Reply.Field("Due", "tomorrow")),
                                List.of(new Reply.Button("Done", "task done 42", Reply.Button.Style.PRIMARY)))));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> !notifications(employee.key(), "?after=0").isEmpty());
        ApiClient.Response first = api.get("/api/v1/console/messages?after=0", employee.key());
        List<Map<String, Object>> found =
                (List<Map<String, Object>>) first.json().get("notifications");
        assertThat(found).singleElement().satisfies(n -> {
            Map<String, Object> reply = (Map<String, Object>) n.get("reply");
            assertThat(reply).containsEntry("text", "You have a *new task*");
            assertThat(reply.get("card").toString()).contains("Call Acme", "task done 42");
            assertThat(n).containsEntry("bot", "alfred");
        });
        String last = first.json().get("last").toString();
        assertThat(notifications(employee.key(), "?after=" + last)).isEmpty();
        assertThat(notifications(OWNER_KEY, "?after=0"))
                .noneSatisfy(n -> assertThat(n.get("reply").toString()).contains("new task"));
        assertThat(notifications(OWNER_KEY, "?after=0&userId=" + employee.id())).hasSize(1);
    }

    @Test
    void polling_someone_elses_notifications_needs_admin_console_and_after_must_not_be_negative() {
        Users.Created employee = Users.of(api, OWNER_KEY).role("employee").create();
        Users.Created other = Users.of(api, OWNER_KEY).role("employee").create();
        assertThat(api.get("/api/v1/console/messages?userId=" + other.id(), employee.key())
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/console/messages?userId=" + UUID.randomUUID(), OWNER_KEY)
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/console/messages?after=-1", employee.key()).status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/console/messages", null).status()).isEqualTo(401);
    }

    @Test
    void the_console_does_not_edit_so_it_declines_drafts() {
        Channel console = channels.find("alfred", "console").orElseThrow();
        assertThat(console.capabilities().edits()).isFalse();
        Inbound event = new Inbound("alfred", "console", "e", null, "u", "u", null, Inbound.Kind.TEXT, "hi", Map.of());
        assertThat(console.draft(event, "partial", null)).isInstanceOf(Delivery.Failed.class);
    }
}
