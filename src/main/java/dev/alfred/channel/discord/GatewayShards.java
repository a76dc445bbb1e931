package dev.alfred.channel.discord;

import dev.alfred.channel.ChannelStatus;
import dev.alfred.channel.InboundSink;
import dev.alfred.conversation.CommandSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.utils.SessionController;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway sessions one bot runs on this instance: one JDA per shard of {@code alfred.discord.shards}.
 * A bad shard configuration starts none and is the reason the channel is DOWN. REST calls work from
 * any shard; a guild channel is found in the cache of the shard that holds its guild.
 */
final class GatewayShards {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayShards.class);

    private final String bot;
    private final List<GatewaySession> sessions;
    private final int total;
    private final @Nullable String misconfigured;

    GatewayShards(String bot, String token, String tokenVariable, DiscordSettings settings) {
        this.bot = bot;
        ShardRange range = null;
        String problem = null;
        try {
            range = settings.shardRange();
        } catch (IllegalArgumentException e) {
            problem = "bad shard configuration: " + e.getMessage();
        }
        this.misconfigured = problem;
        this.total = range == null ? 0 : range.total();
        SessionController controller = GatewayLogin.sessionController(settings);
        this.sessions = range == null
                ? List.of()
                : range.ids().stream()
                        .map(id -> new GatewaySession(bot, token, tokenVariable, settings, controller, id, total))
                        .toList();
    }

    /**
     * What logs the shards in, in id order, then waits (bounded) for each; nothing when the configuration is bad
     * (logged here). The order matters: the session controller identifies the shards one after the other, each
     * only once the one before is ready, so a shard that logs in first is also the first to connect.
     */
    Runnable start(InboundSink inbox, List<CommandSpec> commands) {
        if (misconfigured != null) {
            LOG.warn("Discord bot {} is down: {}", bot, misconfigured);
            return () -> {};
        }
        return () -> {
            List<GatewaySession> loggedIn = new ArrayList<>();
            for (GatewaySession session : sessions) {
                if (session.login(inbox, commands)) {
                    loggedIn.add(session);
                }
            }
            loggedIn.forEach(GatewaySession::awaitReady);
        };
    }

    void stop() throws InterruptedException {
        for (GatewaySession session : sessions) {
            session.stop();
        }
    }

    /**
     * The JDA to reach {@code chat} with: the shard whose cache holds the channel, else any running
     * shard (direct messages and interactions go through REST); null when none is running.
     */
    @Nullable
    JDA reaching(@Nullable String chat) {
        JDA any = null;
        for (GatewaySession session : sessions) {
            JDA running = session.jda();
            if (running == null) {
                continue;
            }
            if (any == null) {
                any = running;
            }
            if (chat != null
                    && chat.matches("\\d{1,20}")
                    && running.getChannelById(MessageChannel.class, chat) != null) {
                return running;
            }
        }
        return any;
    }

    /** Why the bot cannot send: the bad configuration, or each shard's reason. */
    String problem() {
        if (misconfigured != null) {
            return misconfigured;
        }
        return String.join("; ", sessions.stream().map(this::problem).toList());
    }

    private String problem(GatewaySession session) {
        return total == 1 ? session.problem() : "shard " + session.shard() + " of " + total + ": " + session.problem();
    }

    /** UP when every shard of the range is connected, else DOWN naming those that are not, with the reason. */
    ChannelStatus status() {
        if (misconfigured != null) {
            return ChannelStatus.down(misconfigured);
        }
        List<String> down = new ArrayList<>();
        JDA connected = null;
        for (GatewaySession session : sessions) {
            JDA running = session.jda();
            if (running == null) {
                down.add(problem(session));
            } else if (running.getStatus() != JDA.Status.CONNECTED) {
                down.add(problem(session) + " (JDA: "
                        + running.getStatus().name().toLowerCase(Locale.ROOT) + ")");
            } else if (connected == null) {
                connected = running;
            }
        }
        if (!down.isEmpty() || connected == null) {
            return ChannelStatus.down(String.join("; ", down));
        }
        String shards = total == 1 ? "" : ", shards " + ids() + " of " + total;
        return ChannelStatus.up("connected as " + connected.getSelfUser().getName() + shards + ", gateway ping "
                + connected.getGatewayPing() + " ms");
    }

    private String ids() {
        return String.join(
                ",", sessions.stream().map(s -> Integer.toString(s.shard())).toList());
    }
}
