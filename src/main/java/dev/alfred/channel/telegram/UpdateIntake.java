package dev.alfred.channel.telegram;

import dev.alfred.channel.Inbound;
import dev.alfred.channel.InboundSink;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Where both receiving modes hand an update: normalise it, store it, and for a new button press
 * stop the button's spinner ({@code answerCallbackQuery}, asynchronously, so that the
 * acknowledgement is not held up by it). Returns only once the event is stored.
 */
final class UpdateIntake {

    private static final Logger LOG = LoggerFactory.getLogger(UpdateIntake.class);

    private final String bot;
    private final Supplier<BotIdentity> self;
    private final InboundSink sink;
    private final TelegramClient client;

    UpdateIntake(String bot, Supplier<BotIdentity> self, InboundSink sink, TelegramClient client) {
        this.bot = bot;
        this.self = self;
        this.sink = sink;
        this.client = client;
    }

    /**
     * Stores the update if Alfred acts on it; throws if it could not be stored, so that the platform
     * is not acknowledged and delivers it again.
     *
     * @return whether it was new (false: a duplicate, or nothing Alfred acts on)
     */
    boolean receive(Update update) {
        Optional<Inbound> event = UpdateNormaliser.normalise(bot, self.get(), update);
        if (event.isEmpty()) {
            LOG.debug("Telegram update {} for bot {} is not for Alfred; acknowledged", update.getUpdateId(), bot);
            return false;
        }
        boolean stored = sink.accept(event.get());
        String callback = event.get().replyAddress().get(UpdateNormaliser.CALLBACK_ID);
        if (stored && callback != null) {
            answer(callback);
        }
        return stored;
    }

    private void answer(String callbackId) {
        try {
            client.executeAsync(new AnswerCallbackQuery(callbackId)).whenComplete((ok, error) -> {
                if (error != null) {
                    LOG.debug("Could not answer Telegram callback query for bot {}: {}", bot, error.toString());
                }
            });
        } catch (TelegramApiException e) {
            LOG.debug("Could not answer Telegram callback query for bot {}: {}", bot, e.toString());
        }
    }
}
