package dev.alfred.channel.telegram;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Watches every call to the Bot API, including the library's own {@code getUpdates} loop, whose
 * errors are otherwise only logged. The channel is DOWN after an I/O error, a 5xx, a 401 or 404
 * (what Telegram answers for a revoked or wrong token), or any refused {@code getUpdates} (e.g. 409
 * while a webhook is set), until a call gets through again. Other 4xx are about one message.
 */
final class ApiReachability implements Interceptor {

    private volatile @Nullable String problem = "not connected yet";

    @Override
    public Response intercept(Chain chain) throws IOException {
        String method = chain.request().url().pathSegments().getLast();
        try {
            Response response = chain.proceed(chain.request());
            int code = response.code();
            boolean polling = method.equalsIgnoreCase("getupdates");
            if (code >= 500 || code == 401 || code == 404 || (polling && code >= 400 && code != 429)) {
                problem = "Telegram answered " + method + " with HTTP " + code;
            } else if (code < 400) {
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
