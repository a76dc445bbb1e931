package dev.alfred.admin;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Shapes every JSON error Micronaut produces (routing, binding, validation, our own problems) as
 * {@link ErrorBody}. Server errors say only that something failed; the cause goes to the log.
 */
@Singleton
@Replaces(JsonErrorResponseBodyProvider.class)
final class ErrorBodyProvider implements JsonErrorResponseBodyProvider<ErrorBody> {

    @Override
    public ErrorBody body(ErrorContext context, HttpResponse<?> response) {
        int code = response.code();
        String error = response.getStatus().name().toLowerCase(Locale.ROOT);
        if (code >= 500) {
            return new ErrorBody(error, "Alfred could not complete the request; the cause is in its log");
        }
        String detail = context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
        return new ErrorBody(error, detail.isBlank() ? response.reason() : detail);
    }
}
