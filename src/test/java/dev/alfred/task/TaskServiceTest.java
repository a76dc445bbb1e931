package dev.alfred.task;

import static dev.alfred.testing.AlfredProperties.OWNER_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alfred.assistant.ToolCaller;
import dev.alfred.assistant.ToolResult;
import dev.alfred.identity.Actor;
import dev.alfred.identity.ApiKeyService;
import dev.alfred.identity.LinkCodeService;
import dev.alfred.identity.Role;
import dev.alfred.identity.UserInput;
import dev.alfred.identity.UserService;
import dev.alfred.problem.Problem;
import dev.alfred.testing.AlfredProperties;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Finding people, team visibility, and the assistant tools on top of the task service. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskServiceTest implements TestPropertyProvider {

    @Inject
    ApplicationContext context;

    @Inject
    TaskService tasks;

    @Inject
    People people;

    @Inject
    TransactionOperations<Connection> tx;

    @Inject
    CreateTaskTool createTask;

    @Inject
    ListTasksTool listTasks;

    @Inject
    UpdateTaskStatusTool updateStatus;

    @Inject
    ReassignTaskTool reassign;

    Actor owner;
    Actor maria;
    Actor mark;
    Actor salesRep;
    Actor opsRep;

    @Override
    public Map<String, String> getProperties() {
        return AlfredProperties.fresh();
    }

    private Actor user(String name, Role role, String department, String zone) {
        var user = context.getBean(UserService.class)
                .create(owner, new UserInput(name, null, role, department, zone, null, null));
        return user.asActor();
    }

    @BeforeAll
    void team() {
        owner = context.getBean(ApiKeyService.class).authenticate(OWNER_KEY).orElseThrow();
        maria = user("Maria Lopez", Role.MANAGER, "sales", "Europe/Madrid");
        mark = user("Mark Lopez", Role.EMPLOYEE, "sales", "UTC");
        salesRep = user("Sam Seller", Role.EMPLOYEE, "sales", "UTC");
        opsRep = user("Olga Ops", Role.EMPLOYEE, "ops", "UTC");
        LinkCodeService links = context.getBean(LinkCodeService.class);
        links.redeem(links.create(owner, salesRep.userId()).code(), "alfred", "slack", "U0SAM");
    }

    private Person resolve(Actor actor, String reference) {
        return tx.executeRead(status -> people.resolve(actor, reference));
    }

    @Test
    void peopleAreFoundByNameMentionPlatformIdOrId() {
        assertThat(resolve(maria, "Sam Seller").id()).isEqualTo(salesRep.userId());
        assertThat(resolve(maria, "sam").id()).isEqualTo(salesRep.userId());
        assertThat(resolve(maria, "@olga").id()).isEqualTo(opsRep.userId());
        assertThat(resolve(maria, "<@U0SAM>").id()).isEqualTo(salesRep.userId());
        assertThat(resolve(maria, "<@U0SAM|sam>").id()).isEqualTo(salesRep.userId());
        assertThat(resolve(maria, opsRep.userId().toString()).id()).isEqualTo(opsRep.userId());
        assertThat(resolve(maria, "me").id()).isEqualTo(maria.userId());
        assertThat(resolve(maria, "Sellr").id()).as("a small typo").isEqualTo(salesRep.userId());
    }

    @Test
    void anAmbiguousOrUnknownNameIsRefusedWithTheCandidates() {
        assertThatThrownBy(() -> resolve(maria, "lopez"))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("could be Maria Lopez or Mark Lopez");
        assertThatThrownBy(() -> resolve(maria, "Zed"))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("don't know anyone called 'Zed'");
        assertThatThrownBy(() -> resolve(maria, "<@U0NOBODY>"))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("has not linked");
        assertThatThrownBy(() -> resolve(maria, UUID.randomUUID().toString()))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("no user");
    }

    @Test
    void aManagerSeesTheirDepartmentsTasksAndAnEmployeeOnlyTheirOwn() {
        Task sales = tasks.create(salesRep, new NewTask("Sales call", null, null, null, null, "api"));
        Task ops = tasks.create(opsRep, new NewTask("Fix the lift", null, null, null, null, "api"));

        List<Task> team = tasks.list(maria, TaskQuery.of(TaskScope.TEAM, null));
        assertThat(team).extracting(Task::id).contains(sales.id()).doesNotContain(ops.id());
        assertThat(tasks.get(maria, sales.id()).title()).isEqualTo("Sales call");
        assertThatThrownBy(() -> tasks.get(maria, ops.id())).hasMessage("task " + ops.id() + " not found");
        assertThatThrownBy(() -> tasks.list(mark, TaskQuery.of(TaskScope.TEAM, null)))
                .hasMessage("not allowed: tasks.view_team");
        assertThatThrownBy(() -> tasks.get(mark, sales.id())).hasMessage("task " + sales.id() + " not found");
        assertThat(tasks.list(owner, TaskQuery.of(TaskScope.TEAM, null)))
                .extracting(Task::id)
                .contains(sales.id(), ops.id());
    }

    @Test
    void theCreateToolReadsPhrasesAndIsoInTheCallersZoneAndAttachesTheCard() {
        ZoneId madrid = ZoneId.of("Europe/Madrid");
        ToolCaller caller = new ToolCaller(maria, madrid);

        ToolResult byPhrase = tx.executeWrite(status -> createTask.call(
                new CreateTaskTool.Input("Send the invoice", null, "Sam", "tomorrow 3pm", "high"), caller));
        ToolResult byIso = tx.executeWrite(status ->
                createTask.call(new CreateTaskTool.Input("Plan Q1", null, null, "2026-12-01T10:00", null), caller));

        assertThat(byPhrase.text()).startsWith("Created Task #").contains("*Send the invoice*", "Sam Seller", "high");
        assertThat(byPhrase.card()).isNotNull();
        long id = ((Number) ((Map<?, ?>) byPhrase.data()).get("id")).longValue();
        Task task = tasks.get(maria, id);
        assertThat(task.due())
                .isEqualTo(ZonedDateTime.of(LocalDate.now(madrid).plusDays(1), LocalTime.of(15, 0), madrid)
                        .toInstant());
        assertThat(task.assigneeId()).isEqualTo(salesRep.userId());
        assertThat(task.source()).isEqualTo("assistant");
        assertThat(((Map<?, ?>) byIso.data()).get("due")).isEqualTo("2026-12-01T10:00:00+01:00");
        assertThatThrownBy(() -> tx.executeWrite(
                        status -> createTask.call(new CreateTaskTool.Input("x", null, null, "someday", null), caller)))
                .hasMessageContaining("could not read the due time 'someday'");
    }

    @Test
    void theToolsRespectTheFinerPermissions() {
        ToolCaller employee = new ToolCaller(mark, ZoneId.of("UTC"));

        assertThatThrownBy(() -> tx.executeWrite(status ->
                        createTask.call(new CreateTaskTool.Input("Do my work", null, "Olga", null, null), employee)))
                .isInstanceOf(Problem.class)
                .satisfies(p -> assertThat(((Problem) p).kind()).isEqualTo(Problem.Kind.DENIED))
                .hasMessageContaining("tasks.assign");
        assertThat(tasks.list(owner, new TaskQuery(TaskScope.ALL, opsRep.userId(), null, 200)))
                .noneMatch(t -> t.title().equals("Do my work"));

        ToolResult own = tx.executeWrite(status ->
                createTask.call(new CreateTaskTool.Input("Expense report", null, null, null, null), employee));
        long id = ((Number) ((Map<?, ?>) own.data()).get("id")).longValue();
        assertThat(tx.executeWrite(status -> listTasks.call(new ListTasksTool.Input(null, null), employee))
                        .text())
                .contains("Expense report");
        assertThat(tx.executeWrite(status -> updateStatus.call(new UpdateTaskStatusTool.Input(id, "done"), employee))
                        .text())
                .startsWith("Marked done: Task #" + id);
        ToolResult handed = tx.executeWrite(status ->
                reassign.call(new ReassignTaskTool.Input(id, "Mark"), new ToolCaller(owner, ZoneId.of("UTC"))));
        assertThat(handed.text()).contains("Reassigned", "Mark Lopez");
    }
}
