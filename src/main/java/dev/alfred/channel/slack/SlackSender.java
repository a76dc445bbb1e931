package dev.alfred.channel.slack;

import com.google.gson.Gson;
import com.slack.api.Slack;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.SlackFilesUploadV2Exception;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.util.json.GsonFactory;
import dev.alfred.channel.Channel;
import dev.alfred.channel.Delivery;
import dev.alfred.channel.Outbound;
import dev.alfred.channel.Reply;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one rendered reply through Slack's Web API and reports the outcome as a {@link Delivery}: 429
 * becomes a retry-after, 5xx, I/O errors and Slack's transient errors are retried, any other
 * {@code ok:false} error is permanent. Never throws.
 *
 * <p>A direct chat ({@code @<user id>}) goes to the app's DM channel with that person. A reply with a
 * {@link Channel#DRAFT} edits that message ({@code chat.update}), or posts anew when Slack can no longer
 * edit it; the draft {@link SlackListeners#ACK_DRAFT} is a slash command's acknowledgement, which the
 * response_url replaces.
 */
final class SlackSender {

    private static final Logger LOG = LoggerFactory.getLogger(SlackSender.class);
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);
    private static final Set<String> TRANSIENT =
            Set.of("internal_error", "fatal_error", "service_unavailable", "request_timeout", "ratelimited");
    private static final int MAX_DIRECT_CHANNELS = 10_000;
    /** Slack accepts a response_url's messages for 30 minutes. */
    static final Duration RESPONSE_URL_LIFETIME = Duration.ofMinutes(30);

    private static final Set<String> BAD_TOKEN =
            Set.of("invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired");

    private final Slack slack;
    private final MethodsClient methods;
    private final Consumer<String> tokenRejected;
    /**
     * response_urls whose placeholder an earlier reply already replaced, with when, oldest first: later replies
     * add to it. Insertion order lets expired entries go from the head instead of scanning all of them.
     */
    private final LinkedHashMap<String, Instant> replaced = new LinkedHashMap<>(); // guarded by itself
    /** The SDK builds a new JSON writer for every body it is given as an object; a string it sends as it is. */
    private final Gson snakeCase;
    /** Slack user id to the app's DM channel with them. */
    private final Map<String, String> directChannels = new ConcurrentHashMap<>();

    /** {@code tokenRejected} hears Slack's error when it refuses the bot token, so the channel can report DOWN. */
    SlackSender(Slack slack, MethodsClient methods, Consumer<String> tokenRejected) {
        this.slack = slack;
        this.methods = methods;
        this.tokenRejected = tokenRejected;
        this.snakeCase = GsonFactory.createSnakeCase(slack.getConfig());
    }

    Delivery send(Outbound message) {
        try {
            String channel = message.isDirect() ? directChannel(message.directUser()) : message.chat();
            String note = "";
            Reply.Attachment attachment = message.reply().attachment();
            if (attachment != null) {
                String refused = upload(channel, message, attachment);
                if (refused != null) {
                    note = "\n_(" + attachment.filename() + " could not be attached: " + refused + ")_";
                }
            }
            Reply reply = message.reply();
            BlockKit.Message rendered = BlockKit.render(new Reply(reply.text() + note, reply.card(), null));
            String draft = message.replyAddress().get(Channel.DRAFT);
            if (draft != null && !draft.equals(SlackListeners.ACK_DRAFT)) {
                Delivery edited = update(channel, draft, rendered);
                if (edited != null) {
                    return edited;
                }
            }
            String responseUrl = message.replyAddress().get(SlackListeners.RESPONSE_URL);
            if (responseUrl != null) {
                boolean replace = SlackListeners.ACK_DRAFT.equals(draft) && !wasReplaced(responseUrl);
                Delivery delivery = respond(responseUrl, message, rendered, replace);
                if (delivery instanceof Delivery.Sent && replace) {
                    replacedNow(responseUrl);
                }
                if (delivery != null) {
                    return delivery;
                }
            }
            return post(channel, message, rendered);
        } catch (SlackApiException e) {
            return failure(e);
        } catch (IOException | RuntimeException e) {
            return new Delivery.Failed("Slack unreachable: " + e, false);
        } catch (Rejected e) {
            return e.delivery;
        }
    }

    /**
     * The app's DM channel with {@code user}, from {@code conversations.open} (scope {@code im:write}),
     * remembered: files can be uploaded to a {@code D...} channel but not to a user id.
     */
    private String directChannel(String user) throws IOException, SlackApiException, Rejected {
        String known = directChannels.get(user);
        if (known != null) {
            return known;
        }
        ConversationsOpenResponse response = methods.conversationsOpen(r -> r.users(List.of(user)));
        if (!response.isOk() || response.getChannel() == null) {
            throw new Rejected(refused("conversations.open", response));
        }
        if (directChannels.size() >= MAX_DIRECT_CHANNELS) {
            directChannels.clear(); // a forgotten channel is only opened again
        }
        directChannels.put(user, response.getChannel().getId());
        return response.getChannel().getId();
    }

    private boolean wasReplaced(String responseUrl) {
        synchronized (replaced) {
            return replaced.containsKey(responseUrl);
        }
    }

    private void replacedNow(String responseUrl) {
        Instant now = Instant.now();
        Instant oldest = now.minus(RESPONSE_URL_LIFETIME);
        synchronized (replaced) {
            Iterator<Instant> entries = replaced.values().iterator();
            while (entries.hasNext() && entries.next().isBefore(oldest)) {
                entries.remove();
            }
            replaced.put(responseUrl, now);
        }
    }

    /** Edits the draft into the reply; {@code null} when Slack can no longer edit it and a new message must do. */
    private @Nullable Delivery update(String channel, String ts, BlockKit.Message rendered)
            throws IOException, SlackApiException {
        ChatUpdateResponse response = methods.chatUpdate(
                r -> r.channel(channel).ts(ts).text(rendered.text()).blocks(rendered.blocks()));
        if (response.isOk()) {
            return new Delivery.Sent(ts);
        }
        Delivery refused = refused("chat.update", response);
        if (refused instanceof Delivery.Failed failed
                && failed.permanent()
                && !BAD_TOKEN.contains(response.getError())) {
            LOG.info(
                    "Draft {} in Slack channel {} cannot be edited ({}); posting anew",
                    ts,
                    channel,
                    response.getError());
            return null;
        }
        return refused;
    }

    /**
     * Posts to the payload's response_url, replacing the message it came from when {@code replace} (a
     * slash command's "working on it" placeholder); {@code null} when the URL expired and chat.postMessage must do.
     */
    private @Nullable Delivery respond(String url, Outbound message, BlockKit.Message rendered, boolean replace)
            throws IOException {
        ActionResponse body = ActionResponse.builder()
                .responseType(message.replyAddress().getOrDefault(SlackListeners.RESPONSE_TYPE, "ephemeral"))
                .replaceOriginal(replace)
                .text(rendered.text())
                .blocks(rendered.blocks())
                .build();
        Delivery delivery = respond(url, body);
        if (delivery == null) {
            LOG.info("response_url of outbox message {} expired; posting instead", message.id());
        }
        return delivery;
    }

    /** Posts {@code body} to a response_url; {@code null} when the URL expired (404, 410). */
    @Nullable
    Delivery respond(String url, ActionResponse body) throws IOException {
        try (Response response = slack.getHttpClient().postJsonBody(url, snakeCase.toJson(body))) {
            int code = response.code();
            if (code == 200) {
                return new Delivery.Sent("");
            }
            if (code == 404 || code == 410) {
                return null;
            }
            if (code == 429) {
                return new Delivery.RetryAfter(retryAfter(response.header("Retry-After")), "response_url 429");
            }
            return new Delivery.Failed("response_url answered " + code, code < 500);
        }
    }

    private Delivery post(String channel, Outbound message, BlockKit.Message rendered)
            throws IOException, SlackApiException {
        ChatPostMessageResponse response = methods.chatPostMessage(r -> r.channel(channel)
                .text(rendered.text())
                .blocks(rendered.blocks())
                .threadTs(message.replyAddress().get(SlackListeners.THREAD_TS))
                .unfurlLinks(false));
        if (!response.isOk()) {
            return refused("chat.postMessage", response);
        }
        return new Delivery.Sent(response.getTs() == null ? "" : response.getTs());
    }

    /** Uploads the attachment; returns Slack's reason when it refuses for good (the text still goes out). */
    private @Nullable String upload(String channel, Outbound message, Reply.Attachment attachment)
            throws IOException, SlackApiException, Rejected {
        try {
            methods.filesUploadV2(r -> r.channel(channel)
                    .threadTs(message.replyAddress().get(SlackListeners.THREAD_TS))
                    .filename(attachment.filename())
                    .title(attachment.filename())
                    .fileData(attachment.data()));
            return null;
        } catch (SlackFilesUploadV2Exception e) {
            SlackApiTextResponse failed = e.getCompleteResponse() != null
                    ? e.getCompleteResponse()
                    : e.getGetURLResponses().isEmpty()
                            ? null
                            : e.getGetURLResponses().getLast();
            if (failed == null || failed.isOk()) {
                throw new Rejected(new Delivery.Failed("file upload failed: " + e.getMessage(), false));
            }
            Delivery delivery = refused("files upload", failed);
            if (delivery instanceof Delivery.Failed f && f.permanent()) {
                return failed.getError();
            }
            throw new Rejected(delivery);
        }
    }

    Delivery refused(String method, SlackApiTextResponse response) {
        String error = response.getError() == null ? "unknown_error" : response.getError();
        if (BAD_TOKEN.contains(error)) {
            tokenRejected.accept(error);
        }
        return new Delivery.Failed(method + ": " + error, !TRANSIENT.contains(error));
    }

    static Delivery failure(SlackApiException e) {
        int code = e.getResponse().code();
        if (code == 429) {
            return new Delivery.RetryAfter(retryAfter(e.getResponse().header("Retry-After")), "Slack API 429");
        }
        return new Delivery.Failed("Slack API answered " + code, code < 500 && code != 408);
    }

    static Duration retryAfter(@Nullable String header) {
        try {
            return header == null
                    ? DEFAULT_RETRY_AFTER
                    : Duration.ofSeconds(Math.max(1, Long.parseLong(header.strip())));
        } catch (NumberFormatException e) {
            return DEFAULT_RETRY_AFTER;
        }
    }

    /** Carries a finished delivery out of a nested step. */
    private static final class Rejected extends Exception {
        private final Delivery delivery;

        Rejected(Delivery delivery) {
            super(null, null, false, false);
            this.delivery = delivery;
        }
    }
}
