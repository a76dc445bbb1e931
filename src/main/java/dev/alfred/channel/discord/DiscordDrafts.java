package dev.alfred.channel.discord;

import dev.alfred.channel.Delivery;
import dev.alfred.channel.Inbound;
import java.util.EnumSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.jspecify.annotations.Nullable;

/**
 * Shows a reply while it is written. For an interaction whose token is fresh, every draft edits the
 * original response ({@code PATCH webhooks/{app}/{token}/messages/@original}), which replaces the
 * "thinking..." of the deferred reply; otherwise the draft is a message in the channel, edited with
 * {@code PATCH channels/{c}/messages/{m}}. JDA waits out 429s within the send timeout.
 */
final class DiscordDrafts {

    private final ReplySender sender;

    DiscordDrafts(ReplySender sender) {
        this.sender = sender;
    }

    Delivery show(JDA jda, Inbound event, String text, @Nullable String draftId) {
        MessageCreateData data = new MessageCreateBuilder()
                .setContent(DiscordMarkdown.of(text.isBlank() ? "…" : text))
                .setAllowedMentions(EnumSet.of(Message.MentionType.USER)) // drafts may quote users too
                .build();
        try {
            String token = event.replyAddress().get(DiscordInbound.TOKEN);
            if (token != null && ReplySender.fresh(event.replyAddress())) {
                return sent(InteractionHook.from(jda, token).editOriginal(MessageEditData.fromCreateData(data)));
            }
            if (draftId == null) {
                return sent(ReplySender.inChannel(
                        jda, event.chat(), event.replyAddress(), channel -> channel.sendMessage(data)));
            }
            return sent(ReplySender.inChannel(
                    jda,
                    event.chat(),
                    event.replyAddress(),
                    channel -> channel.editMessageById(draftId, MessageEditData.fromCreateData(data))));
        } catch (ExecutionException e) {
            return ReplySender.failure(e.getCause() == null ? e : e.getCause());
        } catch (TimeoutException e) {
            return new Delivery.Failed("Discord did not answer in time", false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Delivery.Failed("interrupted while drafting", false);
        } catch (RuntimeException e) {
            return new Delivery.Failed("cannot draft on Discord: " + e, true);
        }
    }

    private Delivery sent(RestAction<Message> action)
            throws ExecutionException, TimeoutException, InterruptedException {
        return new Delivery.Sent(sender.complete(action).getId());
    }
}
