package dev.alfred.admin;

import dev.alfred.identity.Actor;
import dev.alfred.identity.ApiKeyService;
import dev.alfred.identity.User;
import dev.alfred.identity.UserService;
import dev.alfred.problem.Problem;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Authenticates every {@code /api/**} request from its bearer token: an API key, or a JWT when
 * {@code ALFRED_JWT_SECRET} is set. The role comes from the user's current record, not from the
 * token, so a demoted or deactivated user loses access at once.
 */
@ServerFilter("/api/**")
final class BearerAuthentication {

    static final String ACTOR = "alfred.actor";

    private final ApiKeyService keys;
    private final JwtVerifier jwts;
    private final UserService users;
    private final ErrorResponses errors;

    BearerAuthentication(ApiKeyService keys, JwtVerifier jwts, UserService users, ErrorResponses errors) {
        this.keys = keys;
        this.jwts = jwts;
        this.users = users;
        this.errors = errors;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<?> authenticate(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            return unauthorized(request, "send Authorization: Bearer <API key or JWT>");
        }
        String token = header.substring(7).strip();
        Optional<Actor> actor = keys.authenticate(token);
        if (actor.isEmpty() && JwtVerifier.looksLikeJwt(token)) {
            actor = jwts.verify(token).flatMap(subject -> activeUser(subject));
        }
        if (actor.isEmpty()) {
            return unauthorized(request, "the token is unknown, revoked, expired or belongs to an inactive user");
        }
        request.setAttribute(ACTOR, actor.get());
        return null;
    }

    private Optional<Actor> activeUser(JwtVerifier.Subject subject) {
        try {
            User user = users.get(subject.tenantId(), subject.userId());
            return user.active() ? Optional.of(user.asActor()) : Optional.empty();
        } catch (Problem notFound) {
            return Optional.empty();
        }
    }

    private HttpResponse<?> unauthorized(HttpRequest<?> request, String detail) {
        return errors.respond(request, HttpStatus.UNAUTHORIZED, detail).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
}
