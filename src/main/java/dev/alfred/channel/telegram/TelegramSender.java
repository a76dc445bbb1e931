package dev.alfred.channel.telegram;

import dev.alfred.channel.Channel;
import dev.alfred.channel.Delivery;
import dev.alfred.channel.Outbound;
import dev.alfred.channel.Reply;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Sends one {@link Outbound} as its {@link OutgoingPart}s and reports the outcome: a 429 becomes
 * {@link Delivery.RetryAfter} with Telegram's {@code retry_after}, a 5xx or an I/O error a transient
 * failure, any other 4xx (chat not found, bot blocked, bad request) a permanent one. A retry skips
 * the parts this instance already delivered, so a long reply is not repeated from the start.
 *
 * <p>A direct chat ({@code @<user id>}) is the private chat whose id is the user's id. With a
 * {@link Channel#DRAFT} in the reply address the first text part replaces the draft through
 * {@code editMessageText}; the rest follow as new messages.
 */
final class TelegramSender {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramSender.class);
    private static final int MAX_TRACKED = 10_000;

    private final TelegramClient client;
    private final String token;
    /** Outbox id to the number of parts already sent and the first message's id. */
    private final Map<Long, Progress> progress = new ConcurrentHashMap<>();

    private record Progress(int sent, String firstMessageId) {}

    TelegramSender(TelegramClient client, String token) {
        this.client = client;
        this.token = token;
    }

    Delivery send(Outbound message) {
        Optional<String> refusal = OutgoingPart.refusal(message.reply());
        if (refusal.isPresent()) {
            return new Delivery.Failed(refusal.get(), true);
        }
        List<OutgoingPart> parts = OutgoingPart.of(message.reply());
        Progress done = progress.getOrDefault(message.id(), new Progress(0, ""));
        String chat = chat(message);
        @Nullable Integer thread = thread(message.replyAddress());
        @Nullable String draft = draft(message);
        for (int i = done.sent(); i < parts.size(); i++) {
            try {
                String id = i == 0 && draft != null && parts.get(i) instanceof OutgoingPart.Text text
                        ? replaceDraft(chat, thread, draft, text)
                        : send(chat, thread, parts.get(i));
                done = new Progress(i + 1, i == 0 ? id : done.firstMessageId());
            } catch (TelegramApiException e) {
                remember(message.id(), done);
                LOG.debug("Outbox message {} to telegram chat {} failed: {}", message.id(), chat, e.toString());
                return failure(e);
            }
        }
        progress.remove(message.id());
        return new Delivery.Sent(done.firstMessageId());
    }

    /** The draft's message id; one that is not a Telegram message id is ignored and the reply sent anew. */
    private static @Nullable String draft(Outbound message) {
        String draft = message.replyAddress().get(Channel.DRAFT);
        return draft != null && draft.matches("\\d{1,10}") && Long.parseLong(draft) <= Integer.MAX_VALUE ? draft : null;
    }

    /** A person's direct chat with the bot has the person's user id as its chat id. */
    private static String chat(Outbound message) {
        return message.isDirect() ? message.directUser() : message.chat();
    }

    /** Edits the draft into the first part; a draft Telegram can no longer edit (deleted, too old) gives way to a new message. */
    private String replaceDraft(String chat, @Nullable Integer thread, String draft, OutgoingPart.Text text)
            throws TelegramApiException {
        try {
            client.execute(EditMessageText.builder()
                    .chatId(chat)
                    .messageId(Integer.valueOf(draft))
                    .text(text.html())
                    .parseMode("HTML")
                    .replyMarkup(text.keyboard())
                    .build());
            return draft;
        } catch (TelegramApiRequestException e) {
            if (notModified(e)) {
                return draft;
            }
            if (failure(e) instanceof Delivery.Failed failed && failed.permanent()) {
                LOG.debug(
                        "Draft {} in telegram chat {} cannot be edited ({}); sending anew", draft, chat, e.toString());
                return send(chat, thread, text);
            }
            throw e;
        }
    }

    /** Telegram refuses an edit that changes nothing; the message already shows what it should. */
    static boolean notModified(TelegramApiException error) {
        return error instanceof TelegramApiRequestException request
                && Integer.valueOf(400).equals(request.getErrorCode())
                && String.valueOf(request.getApiResponse()).contains("message is not modified");
    }

    private String send(String chat, @Nullable Integer thread, OutgoingPart part) throws TelegramApiException {
        Message sent = switch (part) {
            case OutgoingPart.Text text ->
                client.execute(SendMessage.builder()
                        .chatId(chat)
                        .messageThreadId(thread)
                        .text(text.html())
                        .parseMode("HTML")
                        .replyMarkup(text.keyboard())
                        .build());
            case OutgoingPart.Photo photo ->
                client.execute(SendPhoto.builder()
                        .chatId(chat)
                        .messageThreadId(thread)
                        .photo(file(photo.attachment()))
                        .build());
            case OutgoingPart.Document document ->
                client.execute(SendDocument.builder()
                        .chatId(chat)
                        .messageThreadId(thread)
                        .document(file(document.attachment()))
                        .build());
        };
        return sent.getMessageId().toString();
    }

    private static InputFile file(Reply.Attachment attachment) {
        return new InputFile(new ByteArrayInputStream(attachment.data()), attachment.filename());
    }

    static @Nullable Integer thread(Map<String, String> address) {
        String thread = address.get(UpdateNormaliser.THREAD);
        return thread == null ? null : Integer.valueOf(thread);
    }

    private void remember(long id, Progress done) {
        if (done.sent() == 0) {
            return;
        }
        if (progress.size() >= MAX_TRACKED) {
            progress.clear(); // a lost entry only means a part may be sent twice
        }
        progress.put(id, done);
    }

    /** The delivery outcome for a failed call; the reason never contains the bot token. */
    Delivery failure(TelegramApiException error) {
        if (error instanceof TelegramApiRequestException request && request.getErrorCode() != null) {
            int code = request.getErrorCode();
            String reason = redact("Telegram " + code + ": " + request.getApiResponse());
            if (code == 429) {
                Integer after = request.getParameters() == null
                        ? null
                        : request.getParameters().getRetryAfter();
                return new Delivery.RetryAfter(Duration.ofSeconds(after == null ? 1 : Math.max(1, after)), reason);
            }
            return new Delivery.Failed(reason, code < 500);
        }
        // I/O errors, timeouts and unreadable answers (a proxy's HTML error page): worth another try
        return new Delivery.Failed(redact("Telegram unreachable: " + describe(error)), false);
    }

    String redact(String text) {
        return text.replace(token, "<bot token>");
    }

    /** The error and, if it wraps one, its root cause (a refused connection, a timeout). */
    static String describe(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause == error ? error.toString() : error.getMessage() + " (" + cause + ")";
    }
}
