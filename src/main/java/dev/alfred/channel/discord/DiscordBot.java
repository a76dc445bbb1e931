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
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bot's Discord channel: its JDA gateway session, started in the background so that the
 * application start never waits on Discord, and its reply sender. DISABLED without a bot token.
 */
final class DiscordBot implements Channel {

    private static final Logger LOG = LoggerFactory.getLogger(DiscordBot.class);
    private static final ChannelCapabilities CAPABILITIES =
            new ChannelCapabilities(true, true, true, true, true, DiscordMarkdown.MAX_CONTENT);

    private final Bot bot;
    private final DiscordSettings settings;
    private final @Nullable String token;
    private final ReplySender sender;
    private volatile @Nullable JDA jda;
    private volatile @Nullable OkHttpClient http;
    private volatile String problem = "starting";
    private boolean stopped; // guarded by this: a start that finishes after stop() must not leave JDA running

    DiscordBot(Bot bot, DiscordSettings settings) {
        this.bot = bot;
        this.settings = settings;
        this.token = bot.secret(DiscordInbound.CHANNEL, "bot-token").orElse(null);
        this.sender = new ReplySender(settings.sendTimeout());
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

    /** Logs in and waits (bounded) for the gateway session; runs on its own thread. */
    void start(InboundSink inbox, List<CommandSpec> commands) {
        if (token == null) {
            return;
        }
        GatewayEvents events = new GatewayEvents(bot.id(), inbox, commands, this::stopped);
        OkHttpClient client;
        synchronized (this) {
            if (stopped) {
                return;
            }
            client = new OkHttpClient.Builder().build();
            http = client;
        }
        try {
            JDA started = GatewayLogin.builder(token, settings, client, events).build();
            boolean kept;
            synchronized (this) {
                kept = !stopped;
                if (kept) {
                    jda = started;
                }
            }
            if (!kept) {
                abandon(started, events);
                return;
            }
            events.ready().get(settings.readyTimeout().toMillis(), TimeUnit.MILLISECONDS);
            problem = "connection to the gateway lost";
            LOG.info(
                    "Discord bot {} connected as {}",
                    bot.id(),
                    started.getSelfUser().getName());
        } catch (InvalidTokenException e) {
            fail("Discord refused the bot token; check " + tokenVariable());
        } catch (TimeoutException e) {
            fail("gateway not ready after " + settings.readyTimeout()); // JDA keeps trying in the background
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | RuntimeException e) {
            fail("cannot connect to Discord: " + e);
        }
    }

    /**
     * Shuts down a JDA whose start outlived {@link #stop()}. JDA does not cancel a gateway connect it
     * has queued, so this waits (bounded) for the session to settle before shutting it down.
     */
    private void abandon(JDA started, GatewayEvents events) {
        boolean interrupted = Thread.interrupted();
        try {
            events.ready().get(settings.readyTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | InterruptedException e) {
            // shut down whatever state it is in
        }
        try {
            shutdown(started);
        } catch (InterruptedException e) {
            interrupted = true;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void shutdown(JDA running) throws InterruptedException {
        running.shutdown();
        if (!running.awaitShutdown(5, TimeUnit.SECONDS)) {
            running.shutdownNow();
            running.awaitShutdown(5, TimeUnit.SECONDS);
        }
    }

    private synchronized boolean stopped() {
        return stopped;
    }

    private void fail(String reason) {
        problem = reason;
        LOG.warn("Discord bot {} is down: {}", bot.id(), reason);
    }

    /** Closes the gateway, JDA's pools and the HTTP client. */
    void stop() throws InterruptedException {
        JDA running;
        synchronized (this) {
            stopped = true;
            running = jda;
        }
        if (running != null) {
            shutdown(running);
            jda = null;
        }
        OkHttpClient client = http;
        if (client != null) {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
            http = null;
        }
        problem = "stopped";
    }

    @Override
    public Delivery send(Outbound message) {
        JDA running = jda;
        if (token == null) {
            return new Delivery.Failed("Discord is disabled for bot " + bot.id() + ": set " + tokenVariable(), true);
        }
        if (running == null) {
            return new Delivery.Failed("Discord is not connected: " + problem, false);
        }
        return sender.send(running, message);
    }

    /** Shows "Alfred is typing..." for a message while it is being answered; interactions show "thinking" already. */
    @Override
    public void showProgress(Inbound event) {
        JDA running = jda;
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
        if (token == null) {
            return ChannelStatus.disabled("set " + tokenVariable() + " to enable Discord");
        }
        JDA running = jda;
        if (running == null) {
            return ChannelStatus.down(problem);
        }
        if (running.getStatus() == JDA.Status.CONNECTED) {
            return ChannelStatus.up("connected as " + running.getSelfUser().getName() + ", gateway ping "
                    + running.getGatewayPing() + " ms");
        }
        return ChannelStatus.down(
                problem + " (JDA: " + running.getStatus().name().toLowerCase(Locale.ROOT) + ")");
    }
}
