package dev.alfred.channel.telegram;

import dev.alfred.channel.Delivery;
import dev.alfred.channel.Inbound;
import org.jspecify.annotations.Nullable;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Shows a reply while it is written: {@code sendMessage} first, {@code editMessageText} afterwards,
 * in HTML like every reply. A draft longer than one message shows its first 4096 characters; the
 * final reply splits as usual. Telegram's 429 (common on edits) comes back as a retry-after for
 * the caller to skip that frame; nothing here throws.
 */
final class TelegramDrafts {

    private final TelegramClient client;
    private final TelegramSender sender;

    TelegramDrafts(TelegramClient client, TelegramSender sender) {
        this.client = client;
        this.sender = sender;
    }

    Delivery show(Inbound event, String text, @Nullable String draftId) {
        String html = TelegramHtml.renderSplit(text.isBlank() ? "…" : text).getFirst();
        try {
            if (draftId == null) {
                Message sent = client.execute(SendMessage.builder()
                        .chatId(event.chat())
                        .messageThreadId(TelegramSender.thread(event.replyAddress()))
                        .text(html)
                        .parseMode("HTML")
                        .build());
                return new Delivery.Sent(sent.getMessageId().toString());
            }
            client.execute(EditMessageText.builder()
                    .chatId(event.chat())
                    .messageId(Integer.valueOf(draftId))
                    .text(html)
                    .parseMode("HTML")
                    .build());
            return new Delivery.Sent(draftId);
        } catch (TelegramApiException e) {
            return draftId != null && TelegramSender.notModified(e) ? new Delivery.Sent(draftId) : sender.failure(e);
        } catch (RuntimeException e) {
            return new Delivery.Failed(sender.redact("cannot show the draft: " + e), true);
        }
    }
}
