package dev.alfred.admin;

import dev.alfred.identity.Actor;
import dev.alfred.identity.LinkCodeService;
import dev.alfred.identity.User;
import dev.alfred.identity.UserInput;
import dev.alfred.identity.UserService;
import dev.alfred.permission.PermissionService;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.util.List;
import java.util.UUID;

@Controller("/api/v1/users")
@SecurityRequirement(name = "bearer")
class UserController {

    private static final String FEATURE = "admin.users";

    private final UserService users;
    private final LinkCodeService linkCodes;
    private final PermissionService permissions;

    UserController(UserService users, LinkCodeService linkCodes, PermissionService permissions) {
        this.users = users;
        this.linkCodes = linkCodes;
        this.permissions = permissions;
    }

    @Get
    List<User> list(@Parameter(hidden = true) Actor actor) {
        permissions.require(actor, FEATURE);
        return users.list(actor.tenantId());
    }

    @Post
    HttpResponse<User> create(@Parameter(hidden = true) Actor actor, @Body UserInput input) {
        permissions.require(actor, FEATURE);
        return HttpResponse.created(users.create(actor, input));
    }

    @Get("/{id}")
    User get(@Parameter(hidden = true) Actor actor, UUID id) {
        permissions.require(actor, FEATURE);
        return users.get(actor.tenantId(), id);
    }

    @Patch("/{id}")
    User update(@Parameter(hidden = true) Actor actor, UUID id, @Body UserInput input) {
        permissions.require(actor, FEATURE);
        return users.update(actor, id, input);
    }

    /** A one-time code the user sends to a bot as {@code /link CODE}. */
    @Post("/{id}/link-codes")
    HttpResponse<LinkCodeService.LinkCode> linkCode(@Parameter(hidden = true) Actor actor, UUID id) {
        permissions.require(actor, FEATURE);
        return HttpResponse.created(linkCodes.create(actor, id));
    }
}
