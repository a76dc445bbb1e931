package dev.alfred.channel.telegram;

import dev.alfred.channel.Reply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/** One Telegram message a {@link Reply} is sent as: an HTML text (maybe with a keyboard), a photo or a document. */
sealed interface OutgoingPart {

    /** Telegram's limit for {@code callback_data}, in bytes. */
    int MAX_CALLBACK_BYTES = 64;

    int BUTTONS_PER_ROW = 3;

    record Text(String html, @Nullable InlineKeyboardMarkup keyboard) implements OutgoingPart {}

    record Photo(Reply.Attachment attachment) implements OutgoingPart {}

    record Document(Reply.Attachment attachment) implements OutgoingPart {}

    /** Why this reply cannot be sent at all, if it cannot: a button action over Telegram's 64 bytes. */
    static Optional<String> refusal(Reply reply) {
        if (reply.card() == null) {
            return Optional.empty();
        }
        return reply.card().buttons().stream()
                .filter(b -> b.action().getBytes(StandardCharsets.UTF_8).length > MAX_CALLBACK_BYTES)
                .findFirst()
                .map(b -> "button '" + b.label() + "' has an action of more than " + MAX_CALLBACK_BYTES
                        + " bytes, Telegram's limit for callback_data");
    }

    /** The messages, in order: the text split to Telegram's limit with the keyboard on the last part, then the attachment. */
    static List<OutgoingPart> of(Reply reply) {
        String markdown = reply.text().strip();
        List<String> texts = new ArrayList<>(markdown.isEmpty() ? List.of() : TelegramHtml.renderSplit(markdown));
        if (reply.card() != null) {
            String card = card(reply.card());
            if (!texts.isEmpty() && texts.getLast().length() + 2 + card.length() <= TelegramHtml.MAX_LENGTH) {
                texts.set(texts.size() - 1, texts.getLast() + "\n\n" + card);
            } else {
                texts.add(card);
            }
        }
        InlineKeyboardMarkup keyboard =
                reply.card() == null ? null : keyboard(reply.card().buttons());
        if (keyboard != null && texts.isEmpty()) {
            texts.add(TelegramHtml.escape("Choose:"));
        }
        List<OutgoingPart> parts = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            parts.add(new Text(texts.get(i), i == texts.size() - 1 ? keyboard : null));
        }
        if (reply.attachment() != null) {
            parts.add(reply.attachment().isImage() ? new Photo(reply.attachment()) : new Document(reply.attachment()));
        }
        return parts;
    }

    /** A bold title and {@code label: value} lines, cut to one message (a card is a summary, not a document). */
    private static String card(Reply.Card card) {
        StringBuilder html = new StringBuilder("<b>")
                .append(TelegramHtml.escape(card.title()))
                .append("</b>");
        for (Reply.Field field : card.fields()) {
            String line = "\n" + TelegramHtml.escape(field.label()) + ": " + TelegramHtml.escape(field.value());
            if (html.length() + line.length() > TelegramHtml.MAX_LENGTH) {
                break;
            }
            html.append(line);
        }
        return html.toString();
    }

    private static @Nullable InlineKeyboardMarkup keyboard(List<Reply.Button> buttons) {
        if (buttons.isEmpty()) {
            return null;
        }
        List<InlineKeyboardRow> rows = new ArrayList<>();
        for (int i = 0; i < buttons.size(); i += BUTTONS_PER_ROW) {
            InlineKeyboardRow row = new InlineKeyboardRow();
            for (Reply.Button button : buttons.subList(i, Math.min(buttons.size(), i + BUTTONS_PER_ROW))) {
                row.add(InlineKeyboardButton.builder()
                        .text(button.label())
                        .callbackData(button.action())
                        .build());
            }
            rows.add(row);
        }
        return InlineKeyboardMarkup.builder().keyboard(rows).build();
    }
}
