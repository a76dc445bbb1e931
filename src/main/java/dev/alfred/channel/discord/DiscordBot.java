package dev.alfred.channel.discord;

import dev.alfred.bot.Bot;
import dev.alfred.channel.Channel;
import dev.alfred.channel.ChannelCapabilities;
import dev.alfred.channel.ChannelStatus;
import dev.alfred.channel.Delivery;
import dev.alfred.channel.Inbound;
import dev.alfred.channel.InboundSink;
import dev.alfred.channel.Outbound;
import dev.alfred.conversation.CommandSpec;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bot's Discord channel: its gateway shards and its reply sender. DISABLED without a bot
 * token; DOWN with the reason while a shard of this instance is not connected.
 */
final class DiscordBot implements Channel {

    private static final Logger LOG = LoggerFactory.getLogger(DiscordBot.class);
    private static final ChannelCapabilities CAPABILITIES =
            new ChannelCapabilities(true, true, true, true, true, DiscordMarkdown.MAX_CONTENT);

    private final Bot bot;
    private final @Nullable String token;
    private final ReplySender sender;
    private final DiscordDrafts drafts;
    private final @Nullable GatewayShards shards;

    DiscordBot(Bot bot, DiscordSettings settings) {
        this.bot = bot;
        this.token = bot.secret(DiscordInbound.CHANNEL, "bot-token").orElse(null);
        this.sender = new ReplySender(settings.sendTimeout());
        this.drafts = new DiscordDrafts(sender);
        this.shards = token == null ? null : new GatewayShards(bot.id(), token, tokenVariable(), settings);
    }

    @Override
    public String bot() {
        return bot.id();
    }

    @Override
    public String name() {
        return DiscordInbound.CHANNEL;
    }

    @Override
    public ChannelCapabilities capabilities() {
        return CAPABILITIES;
    }

    boolean enabled() {
        return token != null;
    }

    /** The hex Ed25519 key that signs HTTP interactions, if this bot takes them. */
    Optional<String> publicKey() {
        return enabled() ? bot.secret(DiscordInbound.CHANNEL, "public-key") : Optional.empty();
    }

    String tokenVariable() {
        return bot.variable(DiscordInbound.CHANNEL, "bot-token");
    }

    /** What logs the shards in and waits (bounded) for their gateway sessions; it runs on its own thread. */
    Runnable start(InboundSink inbox, List<CommandSpec> commands) {
        return shards == null ? () -> {} : shards.start(inbox, commands);
    }

    void stop() throws InterruptedException {
        if (shards != null) {
            shards.stop();
        }
    }

    private @Nullable JDA jda(@Nullable String chat) {
        return shards == null ? null : shards.reaching(chat);
    }

    @Override
    public Delivery send(Outbound message) {
        if (shards == null) {
            return new Delivery.Failed("Discord is disabled for bot " + bot.id() + ": set " + tokenVariable(), true);
        }
        JDA running = shards.reaching(message.isDirect() ? null : message.chat());
        if (running == null) {
            return new Delivery.Failed("Discord is not connected: " + shards.problem(), false);
        }
        return sender.send(running, message);
    }

    @Override
    public Delivery draft(Inbound event, String text, @Nullable String draftId) {
        JDA running = jda(event.chat());
        return running == null
                ? new Delivery.Failed("Discord is not connected", false)
                : drafts.show(running, event, text, draftId);
    }

    /** Shows "Alfred is typing..." for a message while it is being answered; interactions show "thinking" already. */
    @Override
    public void showProgress(Inbound event) {
        JDA running = jda(event.chat());
        if (running == null || event.replyAddress().containsKey(DiscordInbound.TOKEN)) {
            return;
        }
        MessageChannel channel = running.getChannelById(MessageChannel.class, event.chat());
        if (channel != null) {
            channel.sendTyping().queue(ok -> {}, failure -> LOG.debug("No typing indicator: {}", failure.toString()));
        }
    }

    @Override
    public ChannelStatus status() {
        if (shards == null) {
            return ChannelStatus.disabled("set " + tokenVariable() + " to enable Discord");
        }
        return shards.status();
    }
}
