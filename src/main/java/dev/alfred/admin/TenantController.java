package dev.alfred.admin;

import dev.alfred.identity.Actor;
import dev.alfred.identity.Tenant;
import dev.alfred.identity.TenantService;
import dev.alfred.permission.PermissionService;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.jspecify.annotations.Nullable;

@Controller("/api/v1/tenants")
@SecurityRequirement(name = "bearer")
class TenantController {

    private final TenantService tenants;
    private final PermissionService permissions;

    TenantController(TenantService tenants, PermissionService permissions) {
        this.tenants = tenants;
        this.permissions = permissions;
    }

    @Serdeable
    record NewTenant(@Nullable String name) {}

    @Get("/current")
    Tenant current(@Parameter(hidden = true) Actor actor) {
        permissions.require(actor, "admin.tenants");
        return tenants.get(actor.tenantId());
    }

    /** Creates a tenant with its ceo owner; the response holds the owner's API key, shown once. */
    @Post
    HttpResponse<TenantService.CreatedTenant> create(@Parameter(hidden = true) Actor actor, @Body NewTenant body) {
        permissions.require(actor, "admin.tenants");
        return HttpResponse.created(tenants.create(actor, body.name()));
    }
}
