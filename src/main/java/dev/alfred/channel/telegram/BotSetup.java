package dev.alfred.channel.telegram;

import dev.alfred.conversation.CommandSpec;
import java.util.List;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** The calls a bot makes once at start: who am I, publish the command menu, and register the webhook. */
final class BotSetup {

    /** Telegram's limits for a command menu entry's description. */
    static final int MAX_DESCRIPTION = 256;

    private BotSetup() {}

    /** Runs the start calls in order and returns who the bot is. */
    static BotIdentity run(
            TelegramClient client, String bot, List<CommandSpec> commands, TelegramChannel.Receiving receiving)
            throws TelegramApiException {
        BotIdentity self = identify(client);
        client.execute(commandMenu(commands));
        if (receiving.webhookSecret() != null && receiving.webhookUrl() != null) {
            client.execute(webhook(receiving.webhookUrl(), bot, receiving.webhookSecret()));
        }
        return self;
    }

    static BotIdentity identify(TelegramClient client) throws TelegramApiException {
        User me = client.execute(new GetMe());
        return new BotIdentity(me.getId(), me.getUserName() == null ? "" : me.getUserName());
    }

    /** The catalogue as Telegram's command menu: lower-case names, descriptions of 1-256 characters. */
    static SetMyCommands commandMenu(List<CommandSpec> specs) {
        return new SetMyCommands(specs.stream()
                .map(spec -> new BotCommand(spec.name(), description(spec)))
                .toList());
    }

    private static String description(CommandSpec spec) {
        String text = spec.description().strip();
        if (spec.takesArguments()) {
            text = text + " (" + spec.usage() + ")";
        }
        if (text.isEmpty()) {
            text = "/" + spec.name();
        }
        return text.length() <= MAX_DESCRIPTION ? text : text.substring(0, MAX_DESCRIPTION - 1) + "…";
    }

    /** Points Telegram at {@code baseUrl/telegram/webhook/{bot}} with the secret it must send back. */
    static SetWebhook webhook(String baseUrl, String bot, String secret) {
        return SetWebhook.builder()
                .url(stripSlash(baseUrl) + TelegramWebhookController.PATH + "/" + bot)
                .secretToken(secret)
                .allowedUpdates(List.of("message", "callback_query"))
                .build();
    }

    static String stripSlash(String url) {
        return !url.endsWith("/") ? url : url.substring(0, url.length() - 1);
    }
}
