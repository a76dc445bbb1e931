package dev.alfred.admin;

import dev.alfred.identity.Actor;
import dev.alfred.identity.ApiKeyInfo;
import dev.alfred.identity.ApiKeyService;
import dev.alfred.permission.PermissionService;
import dev.alfred.problem.Problem;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Controller("/api/v1/api-keys")
@SecurityRequirement(name = "bearer")
class ApiKeyController {

    private static final String FEATURE = "admin.api_keys";

    private final ApiKeyService keys;
    private final PermissionService permissions;

    ApiKeyController(ApiKeyService keys, PermissionService permissions) {
        this.keys = keys;
        this.permissions = permissions;
    }

    @Serdeable
    record NewKey(@Nullable UUID userId, @Nullable String name) {}

    /** Issues a key; the response is the only time its secret is shown. */
    @Post
    HttpResponse<ApiKeyService.IssuedKey> issue(@Parameter(hidden = true) Actor actor, @Body NewKey body) {
        permissions.require(actor, FEATURE);
        if (body.userId() == null || body.name() == null) {
            throw Problem.invalid("userId and name are required");
        }
        return HttpResponse.created(keys.issue(actor, body.userId(), body.name()));
    }

    @Get
    List<ApiKeyInfo> list(@Parameter(hidden = true) Actor actor) {
        permissions.require(actor, FEATURE);
        return keys.list(actor.tenantId());
    }

    @Delete("/{id}")
    ApiKeyInfo revoke(@Parameter(hidden = true) Actor actor, UUID id) {
        permissions.require(actor, FEATURE);
        return keys.revoke(actor, id);
    }
}
