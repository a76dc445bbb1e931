package dev.alfred.channel.slack;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.socket_mode.SocketModeClient;
import dev.alfred.channel.Channel;
import dev.alfred.channel.ChannelCapabilities;
import dev.alfred.channel.ChannelStatus;
import dev.alfred.channel.Delivery;
import dev.alfred.channel.Inbound;
import dev.alfred.channel.InboundSink;
import dev.alfred.channel.Outbound;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Slack channel of one bot: its Bolt {@code App} (and, with an app token, its Socket Mode
 * connection), its status and its sender. {@link #start()} may be called again after a failure.
 */
final class SlackBot implements Channel {

    private static final Logger LOG = LoggerFactory.getLogger(SlackBot.class);
    private static final String CONNECTION_CLOSED = "Socket Mode connection closed";
    private static final ChannelCapabilities CAPABILITIES =
            new ChannelCapabilities(true, true, true, true, false, 3000);

    private final String bot;
    private final @Nullable SlackSettings settings;
    private final Slack slack;
    private final SlackExecutors executors;
    private final InboundSink sink;
    private volatile @Nullable App app;
    private volatile @Nullable BoltBridge bridge;
    private volatile @Nullable SocketModeApp socket;
    private volatile @Nullable SlackSender sender;
    private volatile @Nullable SlackDrafts drafts;
    private volatile ChannelStatus status;
    private volatile ChannelStatus running = ChannelStatus.down("starting");

    /** {@code settings} is null when the bot's secrets are unset: the channel is then DISABLED for {@code why}. */
    SlackBot(
            String bot,
            @Nullable SlackSettings settings,
            String why,
            Slack slack,
            SlackExecutors executors,
            InboundSink sink) {
        this.bot = bot;
        this.settings = settings;
        this.slack = slack;
        this.executors = executors;
        this.sink = sink;
        this.status = settings == null ? ChannelStatus.disabled(why) : ChannelStatus.down("starting");
    }

    @Override
    public String bot() {
        return bot;
    }

    @Override
    public String name() {
        return SlackChannels.NAME;
    }

    @Override
    public ChannelCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public ChannelStatus status() {
        return status;
    }

    @Override
    public Delivery send(Outbound message) {
        SlackSender current = sender;
        if (current == null) {
            return new Delivery.Failed("Slack channel of bot " + bot + " is not running: " + status.detail(), false);
        }
        Delivery delivery = current.send(message);
        if (delivery instanceof Delivery.Sent && status.state() == ChannelStatus.State.DOWN) {
            status = running; // the token works again
        }
        return delivery;
    }

    @Override
    public Delivery draft(Inbound event, String text, @Nullable String draftId) {
        SlackDrafts current = drafts;
        return current == null
                ? new Delivery.Failed("Slack channel of bot " + bot + " is not running: " + status.detail(), false)
                : current.show(event, text, draftId);
    }

    boolean enabled() {
        return settings != null;
    }

    /** The running App's bridge, for HTTP-mode requests; empty while the channel is down. */
    Optional<BoltBridge> bridge() {
        return Optional.ofNullable(bridge);
    }

    Optional<SlackSettings> settings() {
        return Optional.ofNullable(settings);
    }

    /** Builds the App, checks the bot token with {@code auth.test} and, in Socket Mode, connects. */
    synchronized boolean start() {
        if (settings == null || app != null) {
            return app != null;
        }
        App built = null;
        try {
            AuthTestResponse auth = slack.methods(settings.botToken()).authTest(r -> r);
            if (!auth.isOk()) {
                status = ChannelStatus.down("auth.test: " + auth.getError());
                LOG.warn("Slack channel of bot {} is down: auth.test answered {}", bot, auth.getError());
                return false;
            }
            built = new App(AppConfig.builder()
                    .slack(slack)
                    .executorServiceProvider(executors)
                    .singleTeamBotToken(settings.botToken())
                    .signingSecret(settings.signingSecret())
                    .authTestCacheEnabled(true)
                    .allEventsApiAutoAckEnabled(true)
                    .build());
            new SlackListeners(bot, sink).register(built);
            SlackSender replies = new SlackSender(slack, slack.methods(settings.botToken()), this::tokenRejected);
            sender = replies;
            drafts = new SlackDrafts(slack.methods(settings.botToken()), replies);
            String who = "team " + auth.getTeamId() + " as @" + auth.getUser();
            if (settings.socketMode()) {
                SocketModeApp connection =
                        new SocketModeApp(settings.appToken(), SocketModeClient.Backend.JavaWebSocket, built);
                connection.startAsync(); // creates the client, opens the connection
                watch(connection, connection.getClient());
                socket = connection;
                status = ChannelStatus.up("Socket Mode, " + who);
            } else {
                built.start();
                BoltBridge http = new BoltBridge(built);
                if (!http.warm(Objects.requireNonNull(settings.signingSecret()))) {
                    LOG.warn("Slack channel of bot {}: the warm-up request was not answered as expected", bot);
                }
                bridge = http;
                status = ChannelStatus.up("HTTP mode at /slack/events, " + who);
            }
            app = built;
            running = status;
            LOG.info("Slack channel of bot {} is up: {}", bot, status.detail());
            return true;
        } catch (Exception e) {
            status = ChannelStatus.down("cannot start: " + e);
            LOG.warn("Slack channel of bot {} could not start: {}", bot, e.toString());
            stop();
            if (built != null) {
                built.stop();
            }
            return false;
        }
    }

    synchronized void stop() {
        SocketModeApp connection = socket;
        socket = null;
        if (connection != null) {
            SocketModeClient client = connection.getClient();
            try {
                connection.close();
                if (client != null) {
                    client.close(); // stops its message processor and session monitor
                }
            } catch (Exception e) {
                LOG.debug("Closing the Socket Mode connection of bot {} failed: {}", bot, e.toString());
            }
        }
        App current = app;
        app = null;
        bridge = null;
        sender = null;
        drafts = null;
        if (current != null) {
            current.stop();
        }
    }

    /** Reports DOWN while the Socket Mode connection is lost; the SDK reconnects by itself within seconds. */
    private void watch(SocketModeApp connection, SocketModeClient client) {
        client.addWebSocketCloseListener((code, reason) -> {
            // 1000 is the SDK closing a session it has just replaced (at start and on refresh)
            if (socket == connection && code != null && code != 1000) {
                status = ChannelStatus.down(CONNECTION_CLOSED + " (" + code + "), reconnecting");
            }
        });
        client.addWebSocketMessageListener(message -> {
            if (socket == connection && status.detail().startsWith(CONNECTION_CLOSED)) {
                status = running;
            }
        });
    }

    private void tokenRejected(String error) {
        status = ChannelStatus.down("Slack refused the bot token: " + error);
    }
}
