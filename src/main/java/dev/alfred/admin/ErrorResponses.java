package dev.alfred.admin;

import dev.alfred.problem.Problem;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/** Turns a {@link Problem} into its 4xx response, through the same processor as every other error. */
@Singleton
@Produces
final class ErrorResponses implements ExceptionHandler<Problem, HttpResponse<?>> {

    private final ErrorResponseProcessor<?> processor;

    ErrorResponses(ErrorResponseProcessor<?> processor) {
        this.processor = processor;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, Problem problem) {
        return respond(request, status(problem.kind()), problem.detail());
    }

    MutableHttpResponse<?> respond(HttpRequest<?> request, HttpStatus status, String detail) {
        return processor.processResponse(
                ErrorContext.builder(request).errorMessage(detail).build(), HttpResponse.status(status));
    }

    private static HttpStatus status(Problem.Kind kind) {
        return switch (kind) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case INVALID -> HttpStatus.BAD_REQUEST;
            case CONFLICT -> HttpStatus.CONFLICT;
            case DENIED -> HttpStatus.FORBIDDEN;
        };
    }
}
