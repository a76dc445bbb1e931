package dev.alfred.task;

import static dev.alfred.testing.AlfredProperties.OWNER_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.alfred.channel.Inbound;
import dev.alfred.channel.Reply;
import dev.alfred.identity.Actor;
import dev.alfred.identity.ApiKeyService;
import dev.alfred.identity.Role;
import dev.alfred.testing.ApiClient;
import dev.alfred.testing.ChatDriver;
import dev.alfred.testing.FakeChannel;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Tasks through the real inbox, dispatcher and outbox to a fake channel: creating with a mention and
 * a due phrase, notifying the assignee, the card's Done button, refusals, tenant isolation, and
 * reminders fired (or not) by the job scheduler.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskChatTest implements TestPropertyProvider {

    private static final Pattern ID = Pattern.compile("#(\\d+)");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Inject
    ApplicationContext context;

    @Inject
    FakeChannel channel;

    @Inject
    TaskService tasks;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return ChatDriver.properties("alfred.jobs.polling-interval", "100ms", "alfred.tasks.reminder-lead", "2s");
    }

    private Actor owner() {
        return context.getBean(ApiKeyService.class).authenticate(OWNER_KEY).orElseThrow();
    }

    private Actor person(String platformId, String name, Role role, String zone) {
        return chat().person(platformId, name, role, zone);
    }

    private void send(String platformId, String chat, Inbound.Kind kind, String text) {
        chat().send(platformId, chat, kind, text);
    }

    private Reply reply(String chat, int index) {
        return chat().reply(chat, index);
    }

    private List<Reply> replies(String chat) {
        return chat().replies(chat);
    }

    private Optional<Reply> direct(String platformId, String containing) {
        return chat().direct(platformId).stream()
                .filter(r -> r.text().contains(containing))
                .findFirst();
    }

    private ChatDriver chat() {
        return new ChatDriver(context);
    }

    private static long id(Reply reply) {
        Matcher matcher = ID.matcher(reply.text());
        assertThat(matcher.find()).as("a task id in: %s", reply.text()).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    @Test
    void aTaskWithAMentionAndADuePhraseIsStoredInTheSpeakersZoneAndTheAssigneeIsNotified() {
        Actor alice = person("alice-1", "Alice Chat", Role.MANAGER, "Europe/Berlin");
        Actor bob = person("bob-1", "Bobby Chat", Role.EMPLOYEE, "UTC");
        String chat = "chat-" + UUID.randomUUID();

        send("alice-1", chat, Inbound.Kind.COMMAND, "task Call Acme tomorrow 3pm @bobby !high");

        Reply created = reply(chat, 0);
        assertThat(created.text()).startsWith("Created: Task #").contains("*Call Acme*", "Bobby Chat", "high");
        Task task = tasks.get(alice, id(created));
        ZonedDateTime expected = ZonedDateTime.now(BERLIN).plusDays(1).with(LocalTime.of(15, 0));
        assertThat(task.due()).isEqualTo(expected.toInstant());
        assertThat(task.assigneeId()).isEqualTo(bob.userId());
        assertThat(task.priority()).isEqualTo(Priority.HIGH);
        assertThat(task.source()).isEqualTo("chat");
        assertThat(created.card()).isNotNull();
        assertThat(created.card().buttons())
                .extracting(Reply.Button::action)
                .containsExactly("task done " + task.id(), "task cancel " + task.id());

        await().atMost(Duration.ofSeconds(20))
                .until(() -> direct("bob-1", "gave you a task").isPresent());
        assertThat(direct("bob-1", "gave you a task").orElseThrow().text())
                .contains("Alice Chat", "#" + task.id(), "Call Acme");

        // Bob presses Done on the card.
        String bobsChat = "chat-" + UUID.randomUUID();
        send("bob-1", bobsChat, Inbound.Kind.BUTTON, "task done " + task.id());
        assertThat(reply(bobsChat, 0).text()).contains("#" + task.id(), "[done]");
        assertThat(tasks.get(bob, task.id()).status()).isEqualTo(TaskStatus.DONE);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> direct("alice-1", "marked your task done").isPresent());
    }

    @Test
    void anEmployeeAssigningToSomeoneElseIsRefusedAndNothingIsStored() {
        person("dave-1", "Dave Plain", Role.EMPLOYEE, "UTC");
        person("erin-1", "Erin Other", Role.EMPLOYEE, "UTC");
        String chat = "chat-" + UUID.randomUUID();

        send("dave-1", chat, Inbound.Kind.COMMAND, "task Sneaky chore friday @erin");

        assertThat(reply(chat, 0).text()).contains("needs the permission tasks.assign");
        assertThat(tasks.list(owner(), new TaskQuery(TaskScope.ALL, null, null, 200)))
                .noneMatch(t -> t.title().contains("Sneaky"));

        send("dave-1", chat, Inbound.Kind.COMMAND, "tasks");
        assertThat(reply(chat, 1).text()).contains("Your open tasks: none.");
    }

    @Test
    void anotherTenantsTaskIdIsNotFound() {
        ApiClient api = new ApiClient(server.getURI());
        String acmeKey = api.post("/api/v1/tenants", OWNER_KEY, "{\"name\": \"Acme Chat\"}")
                .get("apiKey");
        Actor acmeOwner =
                context.getBean(ApiKeyService.class).authenticate(acmeKey).orElseThrow();
        Task foreign = tasks.create(acmeOwner, new NewTask("Acme secret", null, null, null, null, "api"));
        person("frank-1", "Frank Nosy", Role.EMPLOYEE, "UTC");
        String chat = "chat-" + UUID.randomUUID();

        send("frank-1", chat, Inbound.Kind.BUTTON, "task done " + foreign.id());

        assertThat(reply(chat, 0).text()).isEqualTo("task " + foreign.id() + " not found");
        assertThat(tasks.get(acmeOwner, foreign.id()).status()).isEqualTo(TaskStatus.OPEN);
    }

    @Test
    void aReminderReachesTheAssigneeBeforeTheDueTime() {
        Actor gina = person("gina-1", "Gina Soon", Role.EMPLOYEE, "UTC");

        Task task = tasks.create(
                gina,
                new NewTask(
                        "Submit expenses", null, null, java.time.Instant.now().plusSeconds(5), null, "api"));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> direct("gina-1", "Reminder: task #" + task.id()).isPresent());
        assertThat(direct("gina-1", "Reminder: task #" + task.id())
                        .orElseThrow()
                        .text())
                .contains("Submit expenses");
    }

    @Test
    void aCompletedTasksReminderNeverFires() {
        Actor hank = person("hank-1", "Hank Done", Role.EMPLOYEE, "UTC");

        Task task = tasks.create(
                hank,
                new NewTask(
                        "Already handled", null, null, java.time.Instant.now().plusSeconds(4), null, "api"));
        tasks.setStatus(hank, task.id(), TaskStatus.DONE);

        await().during(Duration.ofSeconds(5))
                .atMost(Duration.ofSeconds(8))
                .until(() -> direct("hank-1", "Reminder: task #" + task.id()).isEmpty());
    }

    @Test
    void movingTheDueTimeMovesTheReminder() {
        Actor ivan = person("ivan-1", "Ivan Later", Role.EMPLOYEE, "UTC");
        Task task = tasks.create(
                ivan,
                new NewTask("Postponed", null, null, java.time.Instant.now().plusSeconds(4), null, "api"));

        tasks.update(
                ivan,
                task.id(),
                new TaskChange(null, null, java.time.Instant.now().plusSeconds(3600), false));

        await().during(Duration.ofSeconds(5))
                .atMost(Duration.ofSeconds(8))
                .until(() -> direct("ivan-1", "Reminder: task #" + task.id()).isEmpty());
    }
}
