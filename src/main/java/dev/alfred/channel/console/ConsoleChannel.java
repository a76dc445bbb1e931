package dev.alfred.channel.console;

import dev.alfred.bot.Bot;
import dev.alfred.bot.BotRegistry;
import dev.alfred.channel.Channel;
import dev.alfred.channel.ChannelCapabilities;
import dev.alfred.channel.ChannelProvider;
import dev.alfred.channel.ChannelStatus;
import dev.alfred.channel.Delivery;
import dev.alfred.channel.Outbound;
import dev.alfred.channel.Reply;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

/**
 * Delivers replies to waiting console requests. Every bot has a console channel; a reply whose
 * request is no longer waiting (it timed out) is kept nowhere, like a message to a closed tab.
 * Notifications (chat {@code @<user id>}) go to the {@link ConsoleMailbox}, where the page polls for
 * them. The console does not edit messages: no drafts, {@code edits} is false.
 */
@Singleton
class ConsoleChannel implements ChannelProvider {

    static final String NAME = "console";
    static final String REQUEST = "request";
    private static final ChannelCapabilities CAPABILITIES =
            new ChannelCapabilities(false, true, true, true, false, 100_000);

    private final List<Channel> channels;
    private final ConsoleMailbox mailbox;
    private final Map<String, ConcurrentLinkedQueue<Reply>> waiting = new ConcurrentHashMap<>();

    ConsoleChannel(BotRegistry bots, ConsoleMailbox mailbox) {
        this.mailbox = mailbox;
        this.channels = bots.all().stream().map(BotConsole::new).collect(Collectors.toUnmodifiableList());
    }

    @Override
    public List<Channel> channels() {
        return channels;
    }

    ConcurrentLinkedQueue<Reply> await(String request) {
        return waiting.computeIfAbsent(request, r -> new ConcurrentLinkedQueue<>());
    }

    void forget(String request) {
        waiting.remove(request);
    }

    private final class BotConsole implements Channel {
        private final Bot bot;

        BotConsole(Bot bot) {
            this.bot = bot;
        }

        @Override
        public String bot() {
            return bot.id();
        }

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public ChannelCapabilities capabilities() {
            return CAPABILITIES;
        }

        @Override
        public Delivery send(Outbound message) {
            if (message.isDirect()) {
                return new Delivery.Sent(Long.toString(mailbox.put(bot.id(), message.directUser(), message.reply())));
            }
            ConcurrentLinkedQueue<Reply> queue =
                    waiting.get(message.replyAddress().getOrDefault(REQUEST, ""));
            if (queue != null) {
                queue.add(message.reply());
            }
            return new Delivery.Sent(Long.toString(message.id()));
        }

        @Override
        public ChannelStatus status() {
            return ChannelStatus.up("always available");
        }
    }
}
