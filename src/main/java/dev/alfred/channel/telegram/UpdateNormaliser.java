package dev.alfred.channel.telegram;

import dev.alfred.channel.Inbound;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Turns one Telegram {@link Update} into at most one {@link Inbound}: commands and text from private
 * chats and groups, and button presses. Updates Alfred does not act on (edits, channel posts, group
 * chatter not addressed to the bot, commands for another bot) become nothing, and are acknowledged.
 */
final class UpdateNormaliser {

    static final String CHANNEL = "telegram";
    /** Reply address keys: the callback query to answer, and the forum topic to answer in. */
    static final String CALLBACK_ID = "callback_query_id";

    static final String THREAD = "message_thread_id";

    private UpdateNormaliser() {}

    static Optional<Inbound> normalise(String bot, BotIdentity self, Update update) {
        String eventId = Integer.toString(update.getUpdateId());
        if (update.hasCallbackQuery()) {
            return button(bot, eventId, update.getCallbackQuery());
        }
        if (update.hasMessage()) {
            return message(bot, eventId, self, update.getMessage());
        }
        return Optional.empty();
    }

    private static Optional<Inbound> button(String bot, String eventId, CallbackQuery query) {
        MaybeInaccessibleMessage message = query.getMessage();
        if (message == null || query.getData() == null || query.getFrom() == null) {
            return Optional.empty(); // inline-mode or game buttons: not ours
        }
        Map<String, String> address = new HashMap<>();
        address.put(CALLBACK_ID, query.getId());
        if (message instanceof Message full && full.isTopicMessage() && full.getMessageThreadId() != null) {
            address.put(THREAD, full.getMessageThreadId().toString());
        }
        return Optional.of(inbound(
                bot, eventId, message.getChatId(), query.getFrom(), Inbound.Kind.BUTTON, query.getData(), address));
    }

    private static Optional<Inbound> message(String bot, String eventId, BotIdentity self, Message message) {
        if (!message.hasText()
                || message.getFrom() == null
                || Boolean.TRUE.equals(message.getFrom().getIsBot())) {
            return Optional.empty();
        }
        boolean privateChat = message.isUserMessage();
        if (!privateChat && !message.isGroupMessage() && !message.isSuperGroupMessage()) {
            return Optional.empty(); // channel posts
        }
        Map<String, String> address = new HashMap<>();
        if (message.isTopicMessage() && message.getMessageThreadId() != null) {
            address.put(THREAD, message.getMessageThreadId().toString());
        }
        String text = message.getText();
        List<MessageEntity> entities = message.getEntities() == null ? List.of() : message.getEntities();
        Optional<MessageEntity> command = entities.stream()
                .filter(e -> "bot_command".equals(e.getType()) && e.getOffset() == 0)
                .findFirst();
        if (command.isPresent()) {
            return commandLine(text, command.get(), self)
                    .map(line -> inbound(
                            bot, eventId, message.getChatId(), message.getFrom(), Inbound.Kind.COMMAND, line, address));
        }
        if (!privateChat && !addressedTo(self, message, entities)) {
            return Optional.empty();
        }
        String plain = privateChat ? text.strip() : withoutMentions(text, entities, self);
        if (plain.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                inbound(bot, eventId, message.getChatId(), message.getFrom(), Inbound.Kind.TEXT, plain, address));
    }

    /** {@code /task@alfred_bot Call Acme} becomes {@code task Call Acme}; a command for another bot, nothing. */
    private static Optional<String> commandLine(String text, MessageEntity command, BotIdentity self) {
        String token = text.substring(1, Math.min(text.length(), command.getLength()));
        int at = token.indexOf('@');
        if (at >= 0) {
            if (!self.isNamed(token.substring(at + 1)) && !self.username().isEmpty()) {
                return Optional.empty();
            }
            token = token.substring(0, at);
        }
        String rest =
                text.substring(Math.min(text.length(), command.getLength())).strip();
        return Optional.of(rest.isEmpty() ? token : token + " " + rest);
    }

    private static boolean addressedTo(BotIdentity self, Message message, List<MessageEntity> entities) {
        Message replied = message.getReplyToMessage();
        if (replied != null && replied.getFrom() != null && replied.getFrom().getId() == self.userId()) {
            return true;
        }
        return entities.stream().anyMatch(e -> mentions(e, self));
    }

    private static boolean mentions(MessageEntity entity, BotIdentity self) {
        return switch (entity.getType()) {
            case "mention" ->
                entity.getText() != null && self.isNamed(entity.getText().substring(1));
            case "text_mention" -> entity.getUser() != null && entity.getUser().getId() == self.userId();
            default -> false;
        };
    }

    private static String withoutMentions(String text, List<MessageEntity> entities, BotIdentity self) {
        StringBuilder plain = new StringBuilder(text);
        entities.stream()
                .filter(e -> "mention".equals(e.getType()) && mentions(e, self))
                .sorted((a, b) -> b.getOffset() - a.getOffset())
                .forEach(e -> plain.delete(e.getOffset(), Math.min(plain.length(), e.getOffset() + e.getLength())));
        return plain.toString().replaceAll("\\s{2,}", " ").strip();
    }

    private static Inbound inbound(
            String bot,
            String eventId,
            Long chat,
            User from,
            Inbound.Kind kind,
            String text,
            Map<String, String> address) {
        return new Inbound(
                bot, CHANNEL, eventId, null, chat.toString(), from.getId().toString(), name(from), kind, text, address);
    }

    private static @Nullable String name(User user) {
        if (user.getFirstName() != null && !user.getFirstName().isBlank()) {
            return user.getLastName() == null ? user.getFirstName() : user.getFirstName() + " " + user.getLastName();
        }
        return user.getUserName();
    }
}
