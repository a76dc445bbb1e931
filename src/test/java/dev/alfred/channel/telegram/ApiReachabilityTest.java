package dev.alfred.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which Bot API answers make the channel DOWN, and which are only about one message. */
class ApiReachabilityTest {

    private final FakeTelegram telegram = new FakeTelegram();
    private final ApiReachability reachability = new ApiReachability();
    private final OkHttpClient http =
            new OkHttpClient.Builder().addInterceptor(reachability).build();

    @AfterEach
    void stop() {
        telegram.close();
    }

    private void call(String method) throws IOException {
        Request request = new Request.Builder()
                .url(telegram.url() + "/bot" + FakeTelegram.TOKEN + "/" + method)
                .post(RequestBody.create("{}", MediaType.get("application/json")))
                .build();
        try (Response response = http.newCall(request).execute()) {
            response.body().string();
        }
    }

    @Test
    void a_bad_message_keeps_it_up_a_5xx_a_revoked_token_or_a_refused_poll_make_it_down() throws IOException {
        call("getMe");
        assertThat(reachability.problem()).isNull();

        telegram.failNext("sendMessage", 400, """
                {"ok":false,"error_code":400,"description":"Bad Request: chat not found"}""", Duration.ZERO);
        call("sendMessage");
        assertThat(reachability.problem()).isNull();

        telegram.breakNext("sendMessage");
        call("sendMessage");
        assertThat(reachability.problem()).isEqualTo("Telegram answered sendMessage with HTTP 500");
        call("sendMessage");
        assertThat(reachability.problem()).isNull();

        telegram.failNext("getUpdates", 409, """
                {"ok":false,"error_code":409,"description":"Conflict: can't use getUpdates method while webhook is active"}""", Duration.ZERO);
        call("getUpdates");
        assertThat(reachability.problem()).isEqualTo("Telegram answered getUpdates with HTTP 409");

        telegram.failNext("getMe", 401, """
                {"ok":false,"error_code":401,"description":"Unauthorized"}""", Duration.ZERO);
        call("getMe");
        assertThat(reachability.problem()).isEqualTo("Telegram answered getMe with HTTP 401");
    }
}
