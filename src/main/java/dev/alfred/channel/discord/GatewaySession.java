package dev.alfred.channel.discord;

import dev.alfred.channel.InboundSink;
import dev.alfred.conversation.CommandSpec;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.utils.SessionController;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One shard of one bot: its JDA, from login to shutdown: started on its own thread and waited for with a bound, so
 * that the application start never waits on Discord; stopped with JDA's pools and our HTTP client.
 * While it is not connected, {@link #problem()} says why.
 */
final class GatewaySession {

    private static final Logger LOG = LoggerFactory.getLogger(GatewaySession.class);

    private final String bot;
    private final String token;
    private final String tokenVariable;
    private final DiscordSettings settings;
    private final SessionController controller;
    private final int shard;
    private final int total;
    private volatile @Nullable JDA jda;
    private volatile @Nullable GatewayEvents events;
    private volatile @Nullable OkHttpClient http;
    private volatile String problem = "starting";
    private boolean stopped; // guarded by this: a start that finishes after stop() must not leave JDA running

    GatewaySession(
            String bot,
            String token,
            String tokenVariable,
            DiscordSettings settings,
            SessionController controller,
            int shard,
            int total) {
        this.bot = bot;
        this.token = token;
        this.tokenVariable = tokenVariable;
        this.settings = settings;
        this.controller = controller;
        this.shard = shard;
        this.total = total;
    }

    /** This session's shard id. */
    int shard() {
        return shard;
    }

    /** The running JDA, if the login went through (it may be reconnecting). */
    @Nullable
    JDA jda() {
        return jda;
    }

    /** Why the session is not connected, or what happened last. */
    String problem() {
        return problem;
    }

    /**
     * Logs in (the token check is a REST call) and queues the gateway connect with the session controller; false,
     * with the reason in {@link #problem()}, when it did not.
     */
    boolean login(InboundSink inbox, List<CommandSpec> commands) {
        GatewayEvents events = new GatewayEvents(bot, inbox, commands, this::stopped, shard == 0);
        OkHttpClient client;
        synchronized (this) {
            if (stopped) {
                return false;
            }
            client = new OkHttpClient.Builder().build();
            http = client;
        }
        try {
            JDA started = GatewayLogin.builder(token, settings, client, events, controller, shard, total)
                    .build();
            synchronized (this) {
                if (!stopped) {
                    jda = started;
                    this.events = events;
                    return true;
                }
            }
            abandon(started, events);
        } catch (InvalidTokenException e) {
            fail("Discord refused the bot token; check " + tokenVariable);
        } catch (RuntimeException e) {
            fail("cannot connect to Discord: " + e);
        }
        return false;
    }

    /** Waits (bounded) for the gateway session of a {@link #login} that went through. */
    void awaitReady() {
        GatewayEvents events = this.events;
        JDA started = jda;
        if (events == null || started == null) {
            return;
        }
        try {
            events.ready().get(settings.readyTimeout().toMillis(), TimeUnit.MILLISECONDS);
            problem = "connection to the gateway lost";
            LOG.info(
                    "Discord bot {} shard {} of {} connected as {}",
                    bot,
                    shard,
                    total,
                    started.getSelfUser().getName());
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
        LOG.warn("Discord bot {} shard {} of {} is down: {}", bot, shard, total, reason);
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
}
