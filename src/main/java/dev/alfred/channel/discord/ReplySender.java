package dev.alfred.channel.discord;

import dev.alfred.channel.Channel;
import dev.alfred.channel.Delivery;
import dev.alfred.channel.Outbound;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.RateLimitedException;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one rendered reply: while the interaction token is fresh, the first reply edits the
 * deferred response ("thinking...") and later ones are follow-ups; otherwise, or when Discord no
 * longer knows the interaction, it goes to the channel (a DM is opened when the channel is not
 * cached). JDA waits out 429s itself; every call is bounded by the send timeout.
 *
 * <p>A notification ({@code @<user id>}) goes to the DM channel Discord opens with the person. A reply
 * with a {@link Channel#DRAFT} edits the interaction's original response while its token is fresh,
 * else the draft message in the channel; when that edit fails for good it is sent as a new message.
 */
final class ReplySender {

    private static final Logger LOG = LoggerFactory.getLogger(ReplySender.class);

    /** Interaction tokens live 15 minutes; stop using them a minute early. */
    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(14);

    private static final Set<ErrorResponse> GONE = Set.of(
            ErrorResponse.UNKNOWN_INTERACTION, ErrorResponse.UNKNOWN_WEBHOOK, ErrorResponse.INVALID_WEBHOOK_TOKEN);

    private final Duration timeout;
    /** Tokens whose deferred response was already replaced, with when: later replies follow up. */
    private final Map<String, Instant> answered = new ConcurrentHashMap<>();

    ReplySender(Duration timeout) {
        this.timeout = timeout;
    }

    Delivery send(JDA jda, Outbound message) {
        MessageCreateData data = ReplyRenderer.render(message.reply());
        String draft = message.replyAddress().get(Channel.DRAFT);
        try {
            String token = message.replyAddress().get(DiscordInbound.TOKEN);
            if (token != null && fresh(message.replyAddress())) {
                try {
                    return new Delivery.Sent(viaInteraction(jda, token, data, draft != null));
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof ErrorResponseException error
                            && GONE.contains(error.getErrorResponse()))) {
                        throw e;
                    }
                }
            } else if (draft != null && draft.matches("\\d{1,20}")) {
                try {
                    MessageEditData edit = MessageEditData.fromCreateData(data);
                    return new Delivery.Sent(
                            complete(inChannel(jda, message, channel -> channel.editMessageById(draft, edit)))
                                    .getId());
                } catch (ExecutionException e) {
                    if (!(failure(e.getCause()) instanceof Delivery.Failed failed && failed.permanent())) {
                        throw e;
                    }
                    LOG.debug(
                            "Draft {} in Discord channel {} cannot be edited: {}", draft, message.chat(), e.getCause());
                }
            }
            return new Delivery.Sent(complete(inChannel(jda, message, channel -> channel.sendMessage(data)))
                    .getId());
        } catch (ExecutionException e) {
            return failure(e.getCause() == null ? e : e.getCause());
        } catch (TimeoutException e) {
            return new Delivery.Failed("Discord did not answer within " + timeout, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Delivery.Failed("interrupted while sending", false);
        } catch (RuntimeException e) {
            return new Delivery.Failed("cannot send to Discord: " + e, true);
        }
    }

    /**
     * Answers through the interaction's webhook: the first reply, or one that replaces a draft (drafts
     * of an interaction are its original response), edits the original response; later ones follow up.
     */
    private String viaInteraction(JDA jda, String token, MessageCreateData data, boolean replacesDraft)
            throws ExecutionException, TimeoutException, InterruptedException {
        forgetExpired();
        InteractionHook hook = InteractionHook.from(jda, token);
        boolean first = answered.putIfAbsent(token, Instant.now()) == null;
        if (!first && !replacesDraft) {
            return complete(hook.sendMessage(data)).getId();
        }
        try {
            return complete(hook.editOriginal(MessageEditData.fromCreateData(data)))
                    .getId();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            if (first) {
                answered.remove(token); // not replaced: a retry edits again
            }
            throw e;
        }
    }

    /**
     * Runs {@code action} in the message's channel: the cached channel, or the DM with the person (a
     * notification's {@code @<user id>}, or the sender of a DM the bot has not cached).
     */
    static RestAction<Message> inChannel(
            JDA jda, Outbound message, Function<MessageChannel, RestAction<Message>> action) {
        if (message.isDirect()) {
            return jda.openPrivateChannelById(message.directUser()).flatMap(action);
        }
        return inChannel(jda, message.chat(), message.replyAddress(), action);
    }

    static RestAction<Message> inChannel(
            JDA jda, String chat, Map<String, String> address, Function<MessageChannel, RestAction<Message>> action) {
        MessageChannel channel = jda.getChannelById(MessageChannel.class, chat);
        if (channel != null) {
            return action.apply(channel);
        }
        String user = address.get(DiscordInbound.USER);
        if (user == null || address.containsKey(DiscordInbound.GUILD)) {
            throw new IllegalStateException("channel " + chat + " is unknown to the bot");
        }
        return jda.openPrivateChannelById(user).flatMap(action);
    }

    Message complete(RestAction<Message> action) throws ExecutionException, TimeoutException, InterruptedException {
        CompletableFuture<Message> future =
                action.timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).submit();
        try {
            return future.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | InterruptedException e) {
            future.cancel(false); // a request still queued in JDA must not go out after we gave up
            throw e;
        }
    }

    static boolean fresh(Map<String, String> address) {
        try {
            Instant created = Instant.ofEpochMilli(Long.parseLong(address.getOrDefault(DiscordInbound.CREATED, "0")));
            return Instant.now().isBefore(created.plus(TOKEN_LIFETIME));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void forgetExpired() {
        Instant oldest = Instant.now().minus(TOKEN_LIFETIME.plusMinutes(1));
        answered.values().removeIf(at -> at.isBefore(oldest));
    }

    static Delivery failure(Throwable cause) {
        return switch (cause) {
            case ErrorResponseException error -> failure(error);
            case RateLimitedException limited ->
                new Delivery.RetryAfter(
                        Duration.ofMillis(limited.getRetryAfter()), "rate limited on " + limited.getRateLimitedRoute());
            case TimeoutException timedOut -> new Delivery.Failed("Discord did not answer in time", false);
            case IOException io -> new Delivery.Failed("I/O error: " + io, false);
            case UncheckedIOException io -> new Delivery.Failed("I/O error: " + io, false);
            default -> new Delivery.Failed("cannot send to Discord: " + cause, true);
        };
    }

    /** 5xx and I/O errors are transient; other 4xx (bad request, no access, unknown channel) are permanent. */
    private static Delivery failure(ErrorResponseException error) {
        int status = error.getResponse() == null ? -1 : error.getResponse().code;
        String reason = "Discord " + status + " (" + error.getErrorCode() + "): " + error.getMeaning();
        if (status == 429) {
            return new Delivery.RetryAfter(Duration.ofSeconds(1), reason);
        }
        boolean transientError =
                status < 0 || status >= 500 || error.isServerError() || error.getCause() instanceof IOException;
        return new Delivery.Failed(reason, !transientError);
    }
}
