package dev.alfred.channel.telegram;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Watches every call to the Bot API, including the library's own {@code getUpdates} loop, whose
 * errors are otherwise only logged: the last I/O error or 5xx makes the channel DOWN until a call
 * succeeds again.
 */
final class ApiReachability implements Interceptor {

    private volatile @Nullable String problem = "not connected yet";

    @Override
    public Response intercept(Chain chain) throws IOException {
        String method = chain.request().url().pathSegments().getLast();
        try {
            Response response = chain.proceed(chain.request());
            if (response.code() >= 500) {
                problem = "Telegram answered " + method + " with HTTP " + response.code();
            } else {
                problem = null;
            }
            return response;
        } catch (IOException e) {
            problem = "Telegram unreachable (" + method + "): " + e.getClass().getSimpleName();
            throw e;
        }
    }

    /** Why the API looks unreachable, or null if the last call got through. */
    @Nullable
    String problem() {
        return problem;
    }

    void failed(String reason) {
        problem = reason;
    }
}
