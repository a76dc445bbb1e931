package dev.alfred.admin;

import dev.alfred.conversation.DeadLetters;
import dev.alfred.identity.Actor;
import dev.alfred.permission.PermissionService;
import dev.alfred.problem.Problem;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Dead letters: replies that could not be delivered after every retry. */
@Controller("/api/v1/outbox/dead")
@SecurityRequirement(name = "bearer")
class OutboxController {

    private static final String FEATURE = "admin.outbox";

    private final DeadLetters deadLetters;
    private final PermissionService permissions;

    OutboxController(DeadLetters deadLetters, PermissionService permissions) {
        this.deadLetters = deadLetters;
        this.permissions = permissions;
    }

    /** The tenant's dead letters, newest first; {@code limit} 1 to 1000 (100). */
    @Get
    List<DeadLetters.DeadLetter> list(@Parameter(hidden = true) Actor actor, @QueryValue @Nullable Integer limit) {
        permissions.require(actor, FEATURE);
        int size = limit == null ? 100 : limit;
        if (size < 1 || size > 1000) {
            throw Problem.invalid("limit must be between 1 and 1000");
        }
        return deadLetters.list(actor, size);
    }

    /** Puts a dead letter back in the queue. */
    @Post("/{id}/retry")
    HttpResponse<?> retry(@Parameter(hidden = true) Actor actor, long id) {
        permissions.require(actor, FEATURE);
        deadLetters.retry(actor, id);
        return HttpResponse.accepted();
    }
}
