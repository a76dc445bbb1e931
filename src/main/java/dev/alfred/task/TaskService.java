package dev.alfred.task;

import dev.alfred.audit.AuditLog;
import dev.alfred.channel.Reply;
import dev.alfred.conversation.Notifier;
import dev.alfred.identity.Actor;
import dev.alfred.identity.Role;
import dev.alfred.permission.PermissionService;
import dev.alfred.problem.Problem;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Creates, lists and changes tasks for an actor, under the permission core: {@code tasks.create} to
 * create one, {@code tasks.assign} to give one to someone else, {@code tasks.view_team} for the
 * team's tasks. Everything is scoped by the actor's tenant; a task the actor may not see is not
 * found. Writes are audited, notify a new assignee and keep the reminder in step.
 */
@Singleton
public class TaskService {

    static final String CREATE = "tasks.create";
    static final String ASSIGN = "tasks.assign";
    static final String VIEW_TEAM = "tasks.view_team";
    private static final int MAX_TITLE = 200;
    private static final int MAX_SIZE = 200;

    private final TaskStore store;
    private final People people;
    private final PermissionService permissions;
    private final AuditLog audit;
    private final Notifier notifier;
    private final TaskReminders reminders;

    TaskService(
            TaskStore store,
            People people,
            PermissionService permissions,
            AuditLog audit,
            Notifier notifier,
            TaskReminders reminders) {
        this.store = store;
        this.people = people;
        this.permissions = permissions;
        this.audit = audit;
        this.notifier = notifier;
        this.reminders = reminders;
    }

    /** Creates a task; the assignee (when not the actor) is notified and the reminder scheduled. */
    @Transactional
    public Task create(Actor actor, NewTask input) {
        permissions.require(actor, CREATE);
        String title = input.title() == null ? "" : input.title().strip();
        if (title.isEmpty()) {
            throw Problem.invalid("a task needs a title");
        }
        if (title.length() > MAX_TITLE) {
            throw Problem.invalid("a task title has at most " + MAX_TITLE + " characters");
        }
        Person assignee = input.assignee() == null || input.assignee().isBlank()
                ? people.get(actor.tenantId(), actor.userId())
                : people.resolve(actor, input.assignee());
        requireMayAssign(actor, assignee);
        String description = input.description() == null || input.description().isBlank()
                ? null
                : input.description().strip();
        Task task = store.insert(new Task(
                0,
                actor.tenantId(),
                title,
                description,
                assignee.id(),
                actor.userId(),
                input.due(),
                Objects.requireNonNullElse(input.priority(), Priority.NORMAL),
                TaskStatus.OPEN,
                input.source()));
        audit.record(new AuditLog.Change(
                actor.tenantId(), actor.userId(), "task.create", assignee.id(), null, null, task.summary()));
        reminders.update(task);
        if (!assignee.id().equals(actor.userId())) {
            tell(assignee, actor.name() + " gave you a task: ", task);
        }
        return task;
    }

    /** The task, if the actor may see it. */
    @Transactional
    public Task get(Actor actor, long id) {
        Task task = store.find(actor.tenantId(), id).orElseThrow(() -> Problem.notFound("task", id));
        TaskStore.Visibility visibility = visibility(actor);
        boolean own =
                task.assigneeId().equals(actor.userId()) || task.creatorId().equals(actor.userId());
        boolean team = visibility.department() != null
                && visibility
                        .department()
                        .equals(store.department(actor.tenantId(), task.assigneeId())
                                .orElse(null));
        if (!own && !visibility.everyone() && !team) {
            throw Problem.notFound("task", id);
        }
        return task;
    }

    /** The tasks of {@code query.scope()} the actor may see; {@link TaskScope#TEAM} needs {@code tasks.view_team}. */
    @Transactional
    public List<Task> list(Actor actor, TaskQuery query) {
        if (query.size() < 1 || query.size() > MAX_SIZE) {
            throw Problem.invalid("size must be between 1 and " + MAX_SIZE);
        }
        if (query.scope() == TaskScope.TEAM && !isLeader(actor)) {
            permissions.require(actor, VIEW_TEAM);
        }
        UUID me = actor.userId();
        TaskStore.Visibility visibility = query.scope() == TaskScope.MINE || query.scope() == TaskScope.CREATED
                ? new TaskStore.Visibility(me, false, null)
                : visibility(actor);
        return store.list(new TaskStore.Query(
                actor.tenantId(),
                query.scope() == TaskScope.MINE ? me : query.assigneeId(),
                query.scope() == TaskScope.CREATED ? me : null,
                query.scope() == TaskScope.CREATED ? me : null,
                query.status(),
                visibility,
                query.size()));
    }

    /** Changes status, assignee and due time at once; giving it to someone else needs {@code tasks.assign}. */
    @Transactional
    public Task update(Actor actor, long id, TaskChange change) {
        Task old = get(actor, id);
        Task task = old;
        if (change.status() != null) {
            task = task.withStatus(change.status());
        }
        @Nullable Person assignee = null;
        if (change.assignee() != null) {
            assignee = people.resolve(actor, change.assignee());
            requireMayAssign(actor, assignee);
            task = task.withAssignee(assignee.id());
        }
        if (change.clearDue()) {
            task = task.withDue(null);
        } else if (change.due() != null) {
            task = task.withDue(change.due());
        }
        if (task.equals(old)) {
            return old;
        }
        store.update(task);
        audit.record(new AuditLog.Change(
                actor.tenantId(),
                actor.userId(),
                "task.update",
                task.assigneeId(),
                null,
                old.summary(),
                task.summary()));
        reminders.update(task);
        if (assignee != null
                && !assignee.id().equals(old.assigneeId())
                && !assignee.id().equals(actor.userId())) {
            tell(assignee, actor.name() + " handed you a task: ", task);
        }
        if (task.status() != old.status() && !task.creatorId().equals(actor.userId())) {
            tell(
                    people.get(actor.tenantId(), task.creatorId()),
                    actor.name() + " marked your task " + task.status().key() + ": ",
                    task);
        }
        return task;
    }

    /** Completes, cancels or reopens a task. */
    @Transactional
    public Task setStatus(Actor actor, long id, TaskStatus status) {
        return update(actor, id, TaskChange.toStatus(status));
    }

    /** Gives a task to someone else (needs {@code tasks.assign} unless it is the actor). */
    @Transactional
    public Task reassign(Actor actor, long id, String assignee) {
        return update(actor, id, TaskChange.toAssignee(assignee));
    }

    /** The person a task is assigned to, for showing it. */
    @Transactional
    public Person assignee(Task task) {
        return people.get(task.tenantId(), task.assigneeId());
    }

    private void requireMayAssign(Actor actor, Person assignee) {
        if (!assignee.id().equals(actor.userId()) && !permissions.check(actor, ASSIGN)) {
            throw Problem.deniedBecause("You may only give tasks to yourself; assigning one to " + assignee.name()
                    + " needs the permission " + ASSIGN + ".");
        }
    }

    private void tell(Person person, String intro, Task task) {
        String assignee = people.get(task.tenantId(), task.assigneeId()).name();
        notifier.notify(
                task.tenantId(),
                person.id(),
                Reply.text(intro + TaskCards.line(task, assignee, person.zone()))
                        .withCard(TaskCards.card(task, assignee, person.zone())));
    }

    private TaskStore.Visibility visibility(Actor actor) {
        if (isLeader(actor)) {
            return new TaskStore.Visibility(actor.userId(), true, null);
        }
        if (!permissions.check(actor, VIEW_TEAM)) {
            return new TaskStore.Visibility(actor.userId(), false, null);
        }
        return store.department(actor.tenantId(), actor.userId())
                .map(department -> new TaskStore.Visibility(actor.userId(), false, department))
                .orElseGet(() -> new TaskStore.Visibility(actor.userId(), true, null));
    }

    private static boolean isLeader(Actor actor) {
        return actor.role() == Role.CEO || actor.role() == Role.ADMIN;
    }
}
