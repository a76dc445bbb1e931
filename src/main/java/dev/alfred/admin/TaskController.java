package dev.alfred.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.alfred.identity.Actor;
import dev.alfred.problem.Problem;
import dev.alfred.task.NewTask;
import dev.alfred.task.Priority;
import dev.alfred.task.Task;
import dev.alfred.task.TaskChange;
import dev.alfred.task.TaskQuery;
import dev.alfred.task.TaskScope;
import dev.alfred.task.TaskService;
import dev.alfred.task.TaskStatus;
import dev.alfred.time.TimePhrases;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Tasks: create, list with filters, read, and change status, assignee or due time. */
@Controller("/api/v1/tasks")
@SecurityRequirement(name = "bearer")
class TaskController {

    private final TaskService tasks;
    private final JsonMapper json;

    TaskController(TaskService tasks, JsonMapper json) {
        this.tasks = tasks;
        this.json = json;
    }

    /** A task as JSON; {@code due} is ISO-8601 with the caller's offset. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record TaskJson(
            long id,
            String title,
            @Nullable String description,
            UUID assigneeId,
            UUID creatorId,
            @Nullable String due,
            String priority,
            String status,
            String source) {

        static TaskJson of(Task task, ZoneId zone) {
            return new TaskJson(
                    task.id(),
                    task.title(),
                    task.description(),
                    task.assigneeId(),
                    task.creatorId(),
                    task.due() == null
                            ? null
                            : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                                    task.due().atZone(zone)),
                    task.priority().key(),
                    task.status().key(),
                    task.source());
        }
    }

    @Get
    List<TaskJson> list(
            @Parameter(hidden = true) Actor actor,
            @QueryValue @Nullable String assigneeId,
            @QueryValue @Nullable String status,
            @QueryValue @Nullable Integer size) {
        UUID assignee;
        try {
            assignee = assigneeId == null || assigneeId.isBlank() ? null : UUID.fromString(assigneeId);
        } catch (IllegalArgumentException e) {
            throw Problem.invalid("assigneeId must be a user id (UUID), not '" + assigneeId + "'");
        }
        TaskQuery query = new TaskQuery(
                TaskScope.ALL,
                assignee,
                status == null || status.isBlank() ? null : TaskStatus.of(status),
                size == null ? 50 : size);
        return tasks.list(actor, query).stream()
                .map(task -> TaskJson.of(task, zone(actor)))
                .toList();
    }

    @Post
    HttpResponse<TaskJson> create(@Parameter(hidden = true) Actor actor, @Body byte[] body) {
        JsonObject input = JsonObject.read(json, body, Set.of("title", "description", "assigneeId", "due", "priority"));
        UUID assignee = input.id("assigneeId");
        String priority = input.text("priority");
        Task task = tasks.create(
                actor,
                new NewTask(
                        input.text("title") == null ? "" : input.text("title"),
                        input.text("description"),
                        assignee == null ? null : assignee.toString(),
                        due(input.text("due"), actor),
                        priority == null ? null : Priority.of(priority),
                        "api"));
        return HttpResponse.created(TaskJson.of(task, zone(actor)));
    }

    @Get("/{id}")
    TaskJson get(@Parameter(hidden = true) Actor actor, long id) {
        return TaskJson.of(tasks.get(actor, id), zone(actor));
    }

    /** Changes {@code status}, {@code assigneeId} and {@code due} ({@code null} removes it); other fields are refused. */
    @Patch("/{id}")
    TaskJson update(@Parameter(hidden = true) Actor actor, long id, @Body byte[] body) {
        JsonObject input = JsonObject.read(json, body, Set.of("status", "assigneeId", "due"));
        String status = input.text("status");
        UUID assignee = input.id("assigneeId");
        Task task = tasks.update(
                actor,
                id,
                new TaskChange(
                        status == null ? null : TaskStatus.of(status),
                        assignee == null ? null : assignee.toString(),
                        due(input.text("due"), actor),
                        input.isNull("due")));
        return TaskJson.of(task, zone(actor));
    }

    private static @Nullable Instant due(@Nullable String due, Actor actor) {
        if (due == null) {
            return null;
        }
        return TimePhrases.iso(due, zone(actor))
                .orElseThrow(() -> Problem.invalid(
                        "due must be an ISO-8601 date-time such as" + " 2026-12-01T15:00:00+01:00, not '" + due + "'"))
                .toInstant();
    }

    private static ZoneId zone(Actor actor) {
        return ZoneId.of(actor.timezone());
    }
}
