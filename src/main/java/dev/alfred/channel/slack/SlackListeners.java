package dev.alfred.channel.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import dev.alfred.channel.Channel;
import dev.alfred.channel.Inbound;
import dev.alfred.channel.InboundSink;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns what Bolt receives into {@link Inbound} events: the bot's slash command, {@code app_mention},
 * direct messages and button presses. Each handler stores the event first and acknowledges Slack only
 * after that; if storing fails, the handler throws, Bolt answers 500 and Slack may retry.
 */
final class SlackListeners {

    /** Keys of {@link Inbound#replyAddress()}. */
    static final String RESPONSE_URL = "response_url";

    static final String RESPONSE_TYPE = "response_type";
    static final String THREAD_TS = "thread_ts";

    static final String WORKING = "Working on it…";

    /**
     * The {@link Channel#DRAFT} of a slash command: its ephemeral "working on it" acknowledgement, which
     * has no message id; the answer replaces it through the response_url ({@code replace_original}).
     */
    static final String ACK_DRAFT = "ack";

    private static final Pattern ANY_ACTION = Pattern.compile("^" + Pattern.quote(BlockKit.ACTION_PREFIX) + ".*");

    private final String bot;
    private final InboundSink sink;

    SlackListeners(String bot, InboundSink sink) {
        this.bot = bot;
        this.sink = sink;
    }

    void register(App app) {
        app.command("/" + bot, (request, context) -> {
            command(request.getPayload());
            return context.ack(r -> r.responseType("ephemeral").text(WORKING));
        });
        app.event(AppMentionEvent.class, (payload, context) -> {
            AppMentionEvent event = payload.getEvent();
            if (event.getBotId() == null && event.getUser() != null) {
                String thread = event.getThreadTs() != null ? event.getThreadTs() : event.getTs();
                text(
                        payload.getEventId(),
                        payload.getTeamId(),
                        event.getChannel(),
                        event.getUser(),
                        thread,
                        withoutMention(event.getText(), context.getBotUserId()));
            }
            return context.ack();
        });
        app.event(MessageEvent.class, (payload, context) -> {
            MessageEvent event = payload.getEvent();
            if ("im".equals(event.getChannelType()) && event.getBotId() == null && event.getUser() != null) {
                text(
                        payload.getEventId(),
                        payload.getTeamId(),
                        event.getChannel(),
                        event.getUser(),
                        event.getThreadTs(),
                        withoutMention(event.getText(), context.getBotUserId()));
            }
            return context.ack();
        });
        app.blockAction(ANY_ACTION, (request, context) -> {
            button(request.getPayload());
            return context.ack();
        });
    }

    private void command(SlashCommandPayload payload) {
        String text = payload.getText() == null
                ? ""
                : SlackMarkdown.unescape(payload.getText()).strip();
        Map<String, String> address = new HashMap<>();
        putIfPresent(address, RESPONSE_URL, payload.getResponseUrl());
        address.put(RESPONSE_TYPE, "ephemeral");
        if (payload.getResponseUrl() != null) {
            address.put(Channel.DRAFT, ACK_DRAFT);
        }
        sink.accept(new Inbound(
                bot,
                SlackChannels.NAME,
                "command:" + orRandom(payload.getTriggerId()),
                payload.getTeamId(),
                payload.getChannelId(),
                payload.getUserId(),
                payload.getUserName(),
                Inbound.Kind.COMMAND,
                text.isEmpty() ? "help" : text,
                address));
    }

    private void text(
            String eventId, @Nullable String team, String channel, String user, @Nullable String thread, String text) {
        Map<String, String> address = new HashMap<>();
        putIfPresent(address, THREAD_TS, thread);
        boolean empty = text.isBlank();
        sink.accept(new Inbound(
                bot,
                SlackChannels.NAME,
                "event:" + eventId,
                team,
                channel,
                user,
                null,
                empty ? Inbound.Kind.COMMAND : Inbound.Kind.TEXT,
                empty ? "help" : text,
                address));
    }

    private void button(BlockActionPayload payload) {
        BlockActionPayload.Action action = payload.getActions().getFirst();
        BlockActionPayload.Container container = payload.getContainer();
        Map<String, String> address = new HashMap<>();
        putIfPresent(address, RESPONSE_URL, payload.getResponseUrl());
        address.put(RESPONSE_TYPE, container != null && !container.isEphemeral() ? "in_channel" : "ephemeral");
        putIfPresent(address, THREAD_TS, container == null ? null : container.getThreadTs());
        String channel = payload.getChannel() != null
                ? payload.getChannel().getId()
                : container != null && container.getChannelId() != null
                        ? container.getChannelId()
                        : payload.getUser().getId();
        sink.accept(new Inbound(
                bot,
                SlackChannels.NAME,
                "button:" + orRandom(payload.getTriggerId()),
                payload.getTeam() == null ? null : payload.getTeam().getId(),
                channel,
                payload.getUser().getId(),
                payload.getUser().getUsername(),
                Inbound.Kind.BUTTON,
                action.getValue() == null ? "" : action.getValue(),
                address));
    }

    /** Removes the mention of the bot (and a leading mention of anyone, when the bot's id is unknown). */
    static String withoutMention(@Nullable String text, @Nullable String botUserId) {
        if (text == null) {
            return "";
        }
        String mention =
                botUserId == null ? "^\\s*<@[A-Z0-9]+(\\|[^>]*)?>" : "<@" + Pattern.quote(botUserId) + "(\\|[^>]*)?>";
        return SlackMarkdown.unescape(text.replaceAll(mention, "").replaceAll(" {2,}", " "))
                .strip();
    }

    private static void putIfPresent(Map<String, String> map, String key, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }

    /** Slack always sends a trigger id; should one be missing, every delivery counts as new. */
    private static String orRandom(@Nullable String id) {
        return id == null || id.isBlank() ? UUID.randomUUID().toString() : id;
    }
}
