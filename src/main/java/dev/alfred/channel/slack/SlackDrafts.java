package dev.alfred.channel.slack;

import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import dev.alfred.channel.Channel;
import dev.alfred.channel.Delivery;
import dev.alfred.channel.Inbound;
import dev.alfred.channel.Reply;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Shows a reply while it is written. After a slash command the draft replaces the ephemeral "working on
 * it" acknowledgement through the response_url, which Slack takes five messages from: drafts use at
 * most {@link #RESPONSE_URL_DRAFTS} of them and leave the rest to the final reply. Anywhere else the
 * draft is a {@code chat.postMessage} in the conversation (and thread), then {@code chat.update}.
 */
final class SlackDrafts {

    static final int RESPONSE_URL_DRAFTS = 3;
    private static final int MAX_TRACKED = 10_000;

    private final MethodsClient methods;
    private final SlackSender sender;
    /** response_url to the drafts shown through it and since when. */
    private final Map<String, Uses> responseUrlDrafts = new ConcurrentHashMap<>();

    private record Uses(int count, Instant since) {}

    SlackDrafts(MethodsClient methods, SlackSender sender) {
        this.methods = methods;
        this.sender = sender;
    }

    Delivery show(Inbound event, String text, @Nullable String draftId) {
        BlockKit.Message rendered = BlockKit.render(Reply.text(text.isBlank() ? "…" : text));
        String responseUrl = event.replyAddress().get(SlackListeners.RESPONSE_URL);
        try {
            if (responseUrl != null
                    && SlackListeners.ACK_DRAFT.equals(event.replyAddress().get(Channel.DRAFT))) {
                return replaceAcknowledgement(responseUrl, rendered);
            }
            if (draftId == null) {
                ChatPostMessageResponse posted = methods.chatPostMessage(r -> r.channel(event.chat())
                        .text(rendered.text())
                        .blocks(rendered.blocks())
                        .threadTs(event.replyAddress().get(SlackListeners.THREAD_TS))
                        .unfurlLinks(false));
                return posted.isOk() ? new Delivery.Sent(posted.getTs()) : refused("chat.postMessage", posted);
            }
            ChatUpdateResponse updated = methods.chatUpdate(r ->
                    r.channel(event.chat()).ts(draftId).text(rendered.text()).blocks(rendered.blocks()));
            return updated.isOk() ? new Delivery.Sent(draftId) : refused("chat.update", updated);
        } catch (SlackApiException e) {
            return SlackSender.failure(e);
        } catch (IOException | RuntimeException e) {
            return new Delivery.Failed("Slack unreachable: " + e, false);
        }
    }

    private Delivery replaceAcknowledgement(String responseUrl, BlockKit.Message rendered) throws IOException {
        if (responseUrlDrafts.size() >= MAX_TRACKED) {
            responseUrlDrafts
                    .values()
                    .removeIf(uses -> uses.since().isBefore(Instant.now().minus(SlackSender.RESPONSE_URL_LIFETIME)));
        }
        Uses uses = responseUrlDrafts.merge(
                responseUrl, new Uses(1, Instant.now()), (old, one) -> new Uses(old.count() + 1, old.since()));
        if (uses.count() > RESPONSE_URL_DRAFTS) {
            return new Delivery.Failed(
                    "a slash command's response_url takes five messages; the rest are kept for the answer", true);
        }
        Delivery delivery = sender.respond(
                responseUrl,
                ActionResponse.builder()
                        .responseType("ephemeral")
                        .replaceOriginal(true)
                        .text(rendered.text())
                        .blocks(rendered.blocks())
                        .build());
        return delivery instanceof Delivery.Sent
                ? new Delivery.Sent(SlackListeners.ACK_DRAFT)
                : delivery == null ? new Delivery.Failed("the response_url expired", true) : delivery;
    }

    private Delivery refused(String method, SlackApiTextResponse response) {
        return sender.refused(method, response);
    }
}
