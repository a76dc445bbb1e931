package dev.alfred.assistant;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.concurrent.TimeoutException;

/**
 * Which provider failures are worth another attempt: rate limits (429), server errors (5xx),
 * timeouts and broken connections. Anything else (a bad key, a bad request) moves on to the next
 * provider at once. The three SDKs throw different exception types, so this reads status codes and
 * causes rather than classes.
 */
final class ProviderFailures {

    private ProviderFailures() {}

    static boolean retryable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException || cause instanceof TimeoutException) {
                return true;
            }
            int status = status(cause);
            if (status == 429 || status >= 500) {
                return true;
            }
            String name = cause.getClass().getSimpleName();
            if (name.contains("RateLimit")
                    || name.contains("InternalServer")
                    || name.contains("Timeout")
                    || name.contains("IoException")
                    || name.contains("ResourceAccess")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** The HTTP status an SDK exception carries ({@code statusCode()} as an int or an object with {@code value()}), else 0. */
    private static int status(Throwable failure) {
        for (String accessor : new String[] {"statusCode", "getStatusCode"}) {
            try {
                Method method = failure.getClass().getMethod(accessor);
                Object value = method.invoke(failure);
                if (value instanceof Integer code) {
                    return code;
                }
                if (value != null) {
                    Object code = value.getClass().getMethod("value").invoke(value);
                    if (code instanceof Integer number) {
                        return number;
                    }
                }
            } catch (ReflectiveOperationException | RuntimeException ignored) {
                // not an SDK exception with a status
            }
        }
        return 0;
    }
}
