package dev.alfred.admin;

import dev.alfred.conversation.WorkspaceTenants;
import dev.alfred.identity.Actor;
import dev.alfred.permission.PermissionService;
import dev.alfred.problem.Problem;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Put;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.jspecify.annotations.Nullable;

/** Maps a Slack workspace or Discord guild to a tenant (the first tenant's ceo only). */
@Controller("/api/v1/channels")
@SecurityRequirement(name = "bearer")
class WorkspaceController {

    private final WorkspaceTenants workspaces;
    private final PermissionService permissions;

    WorkspaceController(WorkspaceTenants workspaces, PermissionService permissions) {
        this.workspaces = workspaces;
        this.permissions = permissions;
    }

    @Serdeable
    record Mapping(@Nullable String tenant) {}

    @Put("/{channel}/workspaces/{id}")
    HttpResponse<?> map(@Parameter(hidden = true) Actor actor, String channel, String id, @Body Mapping body) {
        permissions.require(actor, "admin.tenants");
        if (body.tenant() == null || body.tenant().isBlank()) {
            throw Problem.invalid("send {\"tenant\": \"<tenant slug>\"}");
        }
        workspaces.map(actor, channel, id, body.tenant().strip());
        return HttpResponse.noContent();
    }
}
