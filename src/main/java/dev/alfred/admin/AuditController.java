package dev.alfred.admin;

import dev.alfred.audit.AuditEntry;
import dev.alfred.audit.AuditLog;
import dev.alfred.identity.Actor;
import dev.alfred.permission.PermissionService;
import dev.alfred.problem.Problem;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Controller("/api/v1/audit")
@SecurityRequirement(name = "bearer")
class AuditController {

    private final AuditLog audit;
    private final PermissionService permissions;

    AuditController(AuditLog audit, PermissionService permissions) {
        this.audit = audit;
        this.permissions = permissions;
    }

    /** The tenant's audit entries, newest first; {@code from}/{@code to} are ISO instants, {@code limit} 1 to 1000 (100). */
    @Get
    List<AuditEntry> search(
            @Parameter(hidden = true) Actor actor,
            @QueryValue @Nullable UUID userId,
            @QueryValue @Nullable String action,
            @QueryValue @Nullable Instant from,
            @QueryValue @Nullable Instant to,
            @QueryValue @Nullable Integer limit) {
        permissions.require(actor, "admin.audit");
        int size = limit == null ? 100 : limit;
        if (size < 1 || size > 1000) {
            throw Problem.invalid("limit must be between 1 and 1000");
        }
        return audit.search(
                actor.tenantId(),
                userId,
                action,
                from == null ? Instant.EPOCH : from,
                to == null ? Instant.now().plusSeconds(1) : to,
                size);
    }
}
