package dev.alfred.channel.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Telegram's webhook: {@code POST /telegram/webhook/{bot}}. An update is stored before the 200;
 * a request without the bot's secret token is refused with 401 before its body is even parsed.
 */
@Controller(TelegramWebhookController.PATH)
@Hidden
class TelegramWebhookController {

    static final String PATH = "/telegram/webhook";
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private static final Logger LOG = LoggerFactory.getLogger(TelegramWebhookController.class);

    /** Jackson 2, because the telegrambots objects are annotated for it, not for Micronaut serde. */
    private final ObjectMapper json = new ObjectMapper();

    private final TelegramChannels channels;

    TelegramWebhookController(TelegramChannels channels) {
        this.channels = channels;
    }

    @Post(value = "/{bot}", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> receive(
            @PathVariable String bot, @Header(SECRET_HEADER) @Nullable String secret, @Body byte @Nullable [] body) {
        Optional<TelegramChannel> channel = channels.find(bot).filter(c -> c.acceptsSecret(secret));
        if (channel.isEmpty()) {
            LOG.debug("Refused a Telegram webhook call for bot {}: unknown bot or wrong secret token", bot);
            return HttpResponse.unauthorized()
                    .body(error("unauthorized", "unknown bot, webhook not enabled, or wrong " + SECRET_HEADER));
        }
        Update update;
        try {
            // The raw bytes: bound as a String, a JSON body would be parsed and written again first.
            update = body == null || body.length == 0 ? null : json.readValue(body, Update.class);
        } catch (IOException e) {
            return HttpResponse.badRequest(error("invalid", "the body is not a Telegram update"));
        }
        if (update == null || update.getUpdateId() == null) {
            return HttpResponse.badRequest(error("invalid", "the body is not a Telegram update"));
        }
        try {
            channel.get().receive(update);
        } catch (RuntimeException e) {
            LOG.warn("Telegram update {} for bot {} could not be stored: {}", update.getUpdateId(), bot, e.toString());
            return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(error("unavailable", "the update could not be stored; Telegram will deliver it again"));
        }
        return HttpResponse.ok();
    }

    private static Map<String, String> error(String error, String detail) {
        return Map.of("error", error, "detail", detail);
    }
}
