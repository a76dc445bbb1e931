package dev.alfred.assistant;

import static dev.alfred.assistant.FakeModelServer.OPENAI;
import static dev.alfred.testing.AlfredProperties.OWNER_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alfred.assistant.FakeModelServer.Answer;
import dev.alfred.channel.InboundSink;
import dev.alfred.channel.Outbound;
import dev.alfred.identity.Actor;
import dev.alfred.identity.Role;
import dev.alfred.testing.ApiClient;
import dev.alfred.testing.FakeChannel;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * From a sentence in a chat to a row in PostgreSQL: the assistant with the real task tools, through
 * the offline model and through a fake OpenAI model, including what it must refuse.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssistantTasksTest implements TestPropertyProvider {

    private static final FakeModelServer MODELS = start();

    @Inject
    ApplicationContext context;

    @Inject
    InboundSink inbox;

    @Inject
    FakeChannel channel;

    @Inject
    EmbeddedServer server;

    private AssistantChat chat;

    @Override
    public Map<String, String> getProperties() {
        return AssistantChat.properties(MODELS);
    }

    @BeforeEach
    void reset() {
        chat = new AssistantChat(context);
        MODELS.reset();
        channel.reset();
    }

    @AfterAll
    void stop() {
        MODELS.close();
    }

    @Test
    void theOfflineModelTurnsASentenceIntoATaskForTheNamedPerson() {
        chain("offline");
        Actor carol = person("Carol Jones", Role.EMPLOYEE);
        Actor manager = person("Mia Manager", Role.MANAGER);

        Outbound reply = ask(manager, "remind Carol to send the Acme invoice tomorrow at 3pm, high priority");

        Map<String, Object> task = onlyTask(carol);
        assertThat(task).containsEntry("title", "Send the Acme invoice").containsEntry("priority", "high");
        assertThat(task).containsEntry("creatorId", manager.userId().toString());
        ZonedDateTime due =
                OffsetDateTime.parse(task.get("due").toString()).atZoneSameInstant(ZoneId.of("Europe/Berlin"));
        assertThat(due.toLocalTime()).hasToString("15:00");
        assertThat(due.toLocalDate())
                .isEqualTo(ZonedDateTime.now(ZoneId.of("Europe/Berlin"))
                        .toLocalDate()
                        .plusDays(1));
        assertThat(reply.reply().card()).isNotNull();
        assertThat(reply.reply().card().buttons())
                .anySatisfy(button -> assertThat(button.action()).isEqualTo("task done " + task.get("id")));
    }

    @Test
    void aLargeModelsToolCallWithALocalTimeCreatesOneTaskInTheSpeakersZone() {
        chain("openai:gpt-4o-mini, offline");
        Actor dan = person("Dan Dev", Role.EMPLOYEE);
        MODELS.script(
                OPENAI,
                Answer.json(FakeModelServer.openAiToolCall(
                        "call_1",
                        "create_task",
                        "{\"title\":\"Call Acme\",\"due\":\"2026-12-01T15:00:00\",\"priority\":\"urgent\"}",
                        300,
                        30)),
                Answer.json(FakeModelServer.openAiText("Done: *Call Acme* is on your list for 1 December.", 350, 12)));

        Outbound reply = ask(dan, "I need to call Acme on the first of December at 3pm, it's urgent");

        assertThat(reply.reply().text()).isEqualTo("Done: *Call Acme* is on your list for 1 December.");
        Map<String, Object> task = onlyTask(dan);
        assertThat(task).containsEntry("title", "Call Acme").containsEntry("priority", "urgent");
        assertThat(OffsetDateTime.parse(task.get("due").toString()).toInstant())
                .as("15:00 in the speaker's zone, Berlin")
                .hasToString("2026-12-01T14:00:00Z");
        assertThat(MODELS.requests(OPENAI).getFirst().body())
                .contains("\"create_task\"")
                .doesNotContain("reassign_task");
    }

    @Test
    void anotherTenantsTaskIdIsNotFoundAndNothingChanges() {
        chain("openai:gpt-4o-mini, offline");
        ApiClient.Response acme = api().post("/api/v1/tenants", OWNER_KEY, "{\"name\": \"Other Corp\"}");
        String otherKey = acme.get("apiKey");
        ApiClient.Response foreign = api().post("/api/v1/tasks", otherKey, "{\"title\":\"Secret plan\"}");
        assertThat(foreign.status()).as(foreign.body()).isEqualTo(201);
        String foreignId = foreign.json().get("id").toString();
        Actor eve = person("Eve", Role.EMPLOYEE);
        MODELS.script(
                OPENAI,
                Answer.json(FakeModelServer.openAiToolCall(
                        "call_x", "update_task_status", "{\"taskId\":" + foreignId + ",\"status\":\"done\"}", 50, 5)),
                Answer.json(FakeModelServer.openAiText("Marked it done!", 60, 5)));

        String text = ask(eve, "mark task " + foreignId + " done").reply().text();

        assertThat(text).startsWith("Task " + foreignId + " not found.");
        assertThat(api().get("/api/v1/tasks/" + foreignId, otherKey).json()).containsEntry("status", "open");
        assertThat(api().get("/api/v1/audit?action=assistant.tool.failed", OWNER_KEY)
                        .list())
                .anySatisfy(
                        entry -> assertThat(entry.get("newValue").toString()).contains("update_task_status"));
    }

    @Test
    void reassigningWithoutTasksAssignIsRefusedByAlfredItself() {
        chain("openai:gpt-4o-mini, offline");
        Actor eve = person("Eve Two", Role.EMPLOYEE);
        ApiClient.Response own = api().post("/api/v1/tasks", OWNER_KEY, "{\"title\":\"Owner's task\"}");
        String id = own.json().get("id").toString();
        MODELS.script(
                OPENAI,
                Answer.json(FakeModelServer.openAiToolCall(
                        "call_r", "reassign_task", "{\"taskId\":" + id + ",\"assignee\":\"Eve Two\"}", 50, 5)),
                Answer.json(FakeModelServer.openAiText("Reassigned.", 60, 5)));

        String text = ask(eve, "give task " + id + " to me").reply().text();

        assertThat(text).startsWith("Sorry, you are not allowed to do that (not allowed: tasks.assign).");
        assertThat(api().get("/api/v1/tasks/" + id, OWNER_KEY).json().get("assigneeId"))
                .isNotEqualTo(eve.userId().toString());
        assertThat(api().get("/api/v1/audit?action=assistant.tool.refused", OWNER_KEY)
                        .list())
                .anySatisfy(entry -> assertThat(entry).containsEntry("feature", "tasks.assign"));
    }

    @Test
    void aCachedAnswerIsNotServedOnceTheDataItWasAboutChanged() {
        chain("offline");
        Actor fay = person("Fay Fields", Role.EMPLOYEE);
        String before = ask(fay, "show my tasks").reply().text();
        assertThat(cachedAnswers(fay)).as("the reading answer was cached").isEqualTo(1);
        assertThat(ask(fay, "show my tasks").reply().text()).isEqualTo(before);

        ApiClient.Response created = api().post(
                        "/api/v1/tasks",
                        OWNER_KEY,
                        "{\"title\":\"Water the plants\",\"assigneeId\":\"" + fay.userId() + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        assertThat(ask(fay, "show my tasks").reply().text()).contains("Water the plants");
    }

    @Test
    void expiredAnswersAreRemovedAndFreshOnesKept() {
        Actor gil = person("Gil", Role.EMPLOYEE);
        TransactionOperations<Connection> tx = context.getBean(TransactionOperations.class);
        JdbcOperations jdbc = context.getBean(JdbcOperations.class);
        long before = cachedAnswers(gil);
        tx.executeWrite(status -> jdbc.prepareStatement("""
                INSERT INTO assistant_cache (tenant_id, key, reply, created_at)
                VALUES (?, 'stale', '{"text":"old"}', now() - interval '1 day'),
                       (?, 'fresh', '{"text":"new"}', now())""", statement -> {
            statement.setObject(1, gil.tenantId());
            statement.setObject(2, gil.tenantId());
            return statement.executeUpdate();
        }));

        int removed =
                tx.executeWrite(status -> context.getBean(ResponseCache.class).removeExpired());

        assertThat(removed).isGreaterThanOrEqualTo(1);
        assertThat(cachedAnswers(gil)).isEqualTo(before + 1);
    }

    private long cachedAnswers(Actor actor) {
        TransactionOperations<Connection> tx = context.getBean(TransactionOperations.class);
        return tx.executeRead(status -> context.getBean(JdbcOperations.class)
                .prepareStatement("SELECT count(*) FROM assistant_cache WHERE tenant_id = ?", statement -> {
                    statement.setObject(1, actor.tenantId());
                    try (var rows = statement.executeQuery()) {
                        rows.next();
                        return rows.getLong(1);
                    }
                }));
    }

    private Map<String, Object> onlyTask(Actor assignee) {
        List<Map<String, Object>> tasks = api().get("/api/v1/tasks?assigneeId=" + assignee.userId(), OWNER_KEY)
                .list();
        assertThat(tasks).hasSize(1);
        return tasks.getFirst();
    }

    private Actor person(String name, Role role) {
        return chat.person(name, role);
    }

    private Outbound ask(Actor actor, String text) {
        return chat.ask(actor, text);
    }

    private void chain(String chain) {
        this.chat.settings("{\"chain\":\"" + chain + "\"}");
    }

    private ApiClient api() {
        return chat.api();
    }

    private static FakeModelServer start() {
        try {
            return new FakeModelServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
